/**
 * The form engine: given a compiled form, the answers and today's date, it tells which
 * questions are shown, which answers are missing or wrong, what the calculations give, and how
 * far the interview has come. Pure and deterministic; the screen only draws what it returns.
 */
import { isRepeatInstances, type AnswerValue, type Answers, type IndexedAnswers } from './answers';
import type { AnswerProblem } from './answer-check';
import { evaluate } from './expressions/evaluate';
import { isEmpty, toBoolean, type Value } from './expressions/values';
import { createEvaluator, type Scope } from './evaluator';
import type { CompiledForm, FormNode } from './model';
import type { Choice } from './schema';

export interface NodeState {
  /** `name`, or `repeat[instanceId].name` inside a repeat. */
  readonly path: string;
  readonly name: string;
  readonly instance?: string;
  readonly isVisible: boolean;
  readonly isRequired: boolean;
  readonly isAnswered: boolean;
  readonly value: Value;
  readonly problem?: AnswerProblem;
  /** For choice questions: the choices offered now (after any filter). */
  readonly choices?: readonly Choice[];
}

export interface SectionState {
  readonly name: string;
  readonly isVisible: boolean;
  /** Locked until consent is given. */
  readonly isLocked: boolean;
  readonly requiredVisible: number;
  readonly requiredAnswered: number;
  readonly problemCount: number;
}

export interface FormState {
  readonly nodes: ReadonlyMap<string, NodeState>;
  readonly sections: readonly SectionState[];
  /** Visible answers that are missing or wrong, in the order of the form. */
  readonly problems: readonly NodeState[];
  readonly progress: { readonly requiredVisible: number; readonly requiredAnswered: number };
  readonly hasConsent: boolean;
}

const pathOf = (name: string, scope: Scope | undefined) => (scope ? `${scope.repeat}[${scope.instance.id}].${name}` : name);

/** A question's visibility and value, as an export reads them. */
export interface NodeValue {
  readonly isVisible: boolean;
  readonly isAnswered: boolean;
  readonly value: Value;
}

/** The item of a repeat group a question is read in. */
export type ItemScope = Scope;

export interface FormValues {
  /** The question `name` (in `item` for a question of a repeat group); undefined when the form has no such question. */
  node(name: string, item?: ItemScope): NodeValue | undefined;
  /** The value of the question at `index` (see questionIndex: columns look their question up once); undefined when it is hidden. */
  shownValue(index: number, item?: ItemScope): Value | undefined;
  /**
   * shownValue of each question at `indexes`, in one go, in an array by index (undefined where
   * hidden or not asked for): exports read nearly every question of a row, column after column.
   */
  shownValues(indexes: readonly number[], item?: ItemScope): readonly (Value | undefined)[];
  /** The answer to the question at `index` as stored, shown or not (repeat items, a narrative answer's parts); undefined when none. */
  stored(index: number, item?: ItemScope): AnswerValue | undefined;
}

export { indexAnswers, questionIndex } from './evaluator';

/**
 * Only what exports need — which questions are shown and what their answers and calculations
 * are — computed lazily, question by question, without the checks, requirements and section
 * totals of evaluateForm. The same values as evaluateForm gives.
 */
export function evaluateValues(form: CompiledForm, answers: Answers | IndexedAnswers, today: string): FormValues {
  const { indexOf, nodes, shownValue, storedOf } = createEvaluator(form, answers, today);
  return {
    node: (name, item) => {
      const index = indexOf.get(name);
      if (index === undefined) return undefined;
      const value = shownValue(index, item);
      return value === undefined ? { isVisible: false, isAnswered: false, value: '' } : { isVisible: true, isAnswered: !isEmpty(value), value };
    },
    shownValue: (index, item) => (index >= 0 && index < nodes.length ? shownValue(index, item) : undefined),
    shownValues: (indexes, item) => {
      const values = new Array<Value | undefined>(nodes.length);
      for (const index of indexes) if (index >= 0 && index < nodes.length) values[index] = shownValue(index, item);
      return values;
    },
    stored: storedOf,
  };
}

export function evaluateForm(form: CompiledForm, answers: Answers, today: string): FormState {
  const { indexOf, nodes, context, holds, hasConsent, isSectionVisible, choicesOf, isVisible, valueOf, problemOf } = createEvaluator(form, answers, today);
  const states = new Map<string, NodeState>();
  const problems: NodeState[] = [];

  function stateOf(index: number, scope: Scope | undefined): NodeState {
    const node = nodes[index] as FormNode;
    const path = pathOf(node.name, scope);
    const visible = isVisible(index, scope);
    const choices = choicesOf(index, scope);
    const value = visible ? valueOf(index, scope) : '';
    const isAnswerable = node.kind !== 'note' && node.kind !== 'matrix' && node.kind !== 'calculate';
    const isRequired = visible && isAnswerable && (typeof node.required === 'boolean' ? node.required : holds(node.required, scope));
    const isAnswered = visible && !isEmpty(value);
    let problem: AnswerProblem | undefined = problemOf(index, scope);
    if (visible && !problem) {
      if (isRequired && !isAnswered) problem = { code: 'required' };
      else if (isAnswered && node.constraint && !toBoolean(evaluate(node.constraint, context(scope, value)))) problem = { code: 'constraint' };
      else if (isAnswered && node.question.type === 'ranking' && isRequired) {
        const wanted = Math.min(node.question.rank, choices?.length ?? 0);
        if (Array.isArray(value) && value.length < wanted) problem = { code: 'rank-incomplete', count: wanted };
      } else if (node.question.type === 'repeat') {
        const count = Array.isArray(value) ? value.length : 0;
        const { minCount, maxCount } = node.question;
        if (minCount !== undefined && count < minCount) problem = { code: 'too-few-items', min: minCount };
        else if (maxCount !== undefined && count > maxCount) problem = { code: 'too-many-items', max: maxCount };
      }
    }
    const state: NodeState = {
      path, name: node.name, isVisible: visible, isRequired, isAnswered, value,
      ...(scope ? { instance: scope.instance.id } : {}),
      ...(problem && visible ? { problem } : {}),
      ...(choices ? { choices } : {}),
    };
    states.set(path, state);
    if (state.problem) problems.push(state);
    return state;
  }

  const sectionTotals = new Map<string, { requiredVisible: number; requiredAnswered: number; problemCount: number }>();
  const count = (state: NodeState, section: string) => {
    const totals = sectionTotals.get(section) ?? { requiredVisible: 0, requiredAnswered: 0, problemCount: 0 };
    if (state.isRequired) {
      totals.requiredVisible += 1;
      if (state.isAnswered) totals.requiredAnswered += 1;
    }
    if (state.problem) totals.problemCount += 1;
    sectionTotals.set(section, totals);
  };

  nodes.forEach((node, index) => {
    if (node.repeat) return;
    count(stateOf(index, undefined), node.section);
    if (node.kind !== 'repeat') return;
    const raw = answers[node.name];
    const instances = isRepeatInstances(raw) && isVisible(index, undefined) ? raw : [];
    const children = (form.repeatChildren.get(node.name) ?? []).flatMap((child) => indexOf.get(child) ?? []);
    for (const instance of instances) {
      const scope = { repeat: node.name, instance };
      for (const child of children) count(stateOf(child, scope), node.section);
    }
  });

  const sections = form.sections.map(({ section }): SectionState => {
    const totals = sectionTotals.get(section.name) ?? { requiredVisible: 0, requiredAnswered: 0, problemCount: 0 };
    return {
      name: section.name,
      isVisible: isSectionVisible(section.name),
      isLocked: form.consentLocked.has(section.name) && !hasConsent(),
      ...totals,
    };
  });
  const progress = sections.reduce(
    (sum, s) => ({ requiredVisible: sum.requiredVisible + s.requiredVisible, requiredAnswered: sum.requiredAnswered + s.requiredAnswered }),
    { requiredVisible: 0, requiredAnswered: 0 },
  );
  return { nodes: states, sections, problems, progress, hasConsent: hasConsent() };
}

/** Replaces `${name}` in a label by the current value (for notes such as "You said ${x}"). */
export function interpolate(text: string, state: FormState, instancePrefix?: string): string {
  return text.replace(/\$\{\s*([^}\s]+)\s*\}/g, (_match, name: string) => {
    const node = state.nodes.get(instancePrefix ? `${instancePrefix}.${name}` : name) ?? state.nodes.get(name);
    const value = node?.value ?? '';
    return Array.isArray(value) ? value.join(', ') : String(value);
  });
}

