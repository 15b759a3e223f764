import type { NodeState } from '../../../../core/forms/engine';
import type { FormNode } from '../../../../core/forms/model';

/** What every question renderer receives: the form's node, the engine's state, where it is stored. */
export interface QuestionProps {
  readonly node: FormNode;
  readonly state: NodeState;
  /** `name`, or `repeat[item].name` inside a repeat group. */
  readonly path: string;
  /** `repeat[item]` when the question is asked in a repeat item. */
  readonly prefix?: string | undefined;
}

/** The engine's value as the list a multiple choice or a ranking holds. */
export const listValue = (value: NodeState['value']): readonly string[] => (typeof value === 'object' ? value : []);
