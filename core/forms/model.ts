/** A form once loaded and checked: every answerable name, its place and its compiled logic. */
import type { Expr } from './expressions/ast';
import type { Choice, FormDefinition, Question, Section, Text } from './schema';

export type NodeKind = Question['type'] | 'matrix-item' | 'other-text';

export interface FormNode {
  readonly name: string;
  readonly kind: NodeKind;
  /** The question as written; for a matrix item, its matrix; for an "other" text, its choice question. */
  readonly question: Question;
  readonly label: Text;
  readonly section: string;
  /** The repeat group this node is asked in, if any. */
  readonly repeat?: string;
  /** The matrix (for items) or choice question (for "other" texts) it belongs to. */
  readonly parent?: string;
  readonly relevant?: Expr;
  readonly required: boolean | Expr;
  readonly constraint?: Expr;
  readonly calculation?: Expr;
  readonly choiceFilter?: Expr;
  readonly choices?: readonly Choice[];
}

export interface CompiledSection {
  readonly section: Section;
  readonly relevant?: Expr;
  /** Top-level nodes of the section, in order (items of repeats are under their repeat). */
  readonly nodes: readonly string[];
}

export interface CompiledForm {
  readonly definition: FormDefinition;
  /** `id@version`: which form an interview was started with. */
  readonly key: string;
  readonly nodes: ReadonlyMap<string, FormNode>;
  readonly sections: readonly CompiledSection[];
  /** Nodes inside each repeat, in order. */
  readonly repeatChildren: ReadonlyMap<string, readonly string[]>;
  /** Sections locked until consent is given (all sections after the consent section). */
  readonly consentLocked: ReadonlySet<string>;
}
