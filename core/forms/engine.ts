/**
 * The form engine: given a compiled form, the answers and today's date, it tells which
 * questions are shown, which answers are missing or wrong, what the calculations give, and how
 * far the interview has come. Pure and deterministic; the screen only draws what it returns.
 */
import { isRepeatInstances, type Answers, type RepeatInstance } from './answers';
import { checkAnswer, type AnswerProblem } from './answer-check';
import type { Expr } from './expressions/ast';
import { evaluate, type EvalContext } from './expressions/evaluate';
import { isEmpty, toBoolean, type Value } from './expressions/values';
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

interface Scope {
  readonly repeat: string;
  readonly instance: RepeatInstance;
}

const pathOf = (name: string, scope: Scope | undefined) => (scope ? `${scope.repeat}[${scope.instance.id}].${name}` : name);

/** Sections by name, computed once per compiled form. */
const sectionIndexes = new WeakMap<CompiledForm, ReadonlyMap<string, CompiledForm['sections'][number]>>();
function sectionsByName(form: CompiledForm): ReadonlyMap<string, CompiledForm['sections'][number]> {
  let index = sectionIndexes.get(form);
  if (!index) {
    index = new Map(form.sections.map((s) => [s.section.name, s]));
    sectionIndexes.set(form, index);
  }
  return index;
}

/** The engine's lazy core: visibility, values and choices, each computed once when first asked for. */
function createEvaluator(form: CompiledForm, answers: Answers, today: string) {
  const visibility = new Map<string, boolean>();
  const values = new Map<string, Value>();
  const answerProblems = new Map<string, AnswerProblem>();
  const sectionIndex = sectionsByName(form);
  const choiceCache = new Map<string, readonly Choice[] | undefined>();

  // One context per scope (the top level, or one repeat item), made once: expressions are
  // evaluated hundreds of times per interview. A context with a current value is made each time.
  const contexts = new Map<Scope | undefined, EvalContext>();
  const context = (scope: Scope | undefined, current?: Value): EvalContext => {
    if (current !== undefined) return { resolve: (name) => resolve(name, scope), today, current };
    let made = contexts.get(scope);
    if (!made) {
      made = { resolve: (name) => resolve(name, scope), today };
      contexts.set(scope, made);
    }
    return made;
  };
  const holds = (expr: Expr, scope: Scope | undefined) => toBoolean(evaluate(expr, context(scope)));

  const rawAnswer = (name: string, scope: Scope | undefined) => (scope ? scope.instance.answers[name] : answers[name]);

  const consent = form.definition.consent;
  let consentGiven: boolean | undefined;
  /** Consent lives in an unlocked section, so reading it never asks for consent itself. */
  const hasConsent = (): boolean => {
    consentGiven ??= consent ? resolve(consent.question, undefined) === consent.value : true;
    return consentGiven;
  };

  const sectionVisible = new Map<string, boolean>();
  function isSectionVisible(name: string): boolean {
    const cached = sectionVisible.get(name);
    if (cached !== undefined) return cached;
    sectionVisible.set(name, false);
    const section = sectionIndex.get(name);
    const locked = form.consentLocked.has(name) && !hasConsent();
    const visible = !locked && (!section?.relevant || holds(section.relevant, undefined));
    sectionVisible.set(name, visible);
    return visible;
  }

  function choicesOf(node: FormNode, scope: Scope | undefined): readonly Choice[] | undefined {
    if (!node.choices) return undefined;
    const filter = node.choiceFilter;
    if (!filter) return node.choices;
    const key = pathOf(node.name, scope);
    if (choiceCache.has(key)) return choiceCache.get(key);
    const kept = node.choices.filter((choice) =>
      toBoolean(evaluate(filter, {
        ...context(scope),
        attribute: (attr) => (attr === 'value' || attr === 'name' ? choice.value : choice.attributes?.[attr] ?? ''),
      })),
    );
    choiceCache.set(key, kept);
    return kept;
  }

  function isVisible(node: FormNode, scope: Scope | undefined): boolean {
    const key = pathOf(node.name, scope);
    const cached = visibility.get(key);
    if (cached !== undefined) return cached;
    let visible = isSectionVisible(node.section);
    const repeat = node.repeat ? form.nodes.get(node.repeat) : undefined;
    if (visible && repeat) visible = isVisible(repeat, undefined);
    const parent = node.parent ? form.nodes.get(node.parent) : undefined;
    if (visible && parent) {
      visible = isVisible(parent, scope);
      if (visible && node.kind === 'other-text') {
        const chosen = valueOf(parent, scope);
        visible = Array.isArray(chosen) ? chosen.includes('other') : chosen === 'other';
      }
    }
    if (visible && node.relevant) visible = holds(node.relevant, scope);
    visibility.set(key, visible);
    return visible;
  }

  function valueOf(node: FormNode, scope: Scope | undefined): Value {
    const key = pathOf(node.name, scope);
    const cached = values.get(key);
    if (cached !== undefined) return cached;
    let value: Value = '';
    if (isVisible(node, scope)) {
      if (node.calculation) value = evaluate(node.calculation, context(scope));
      else {
        const checked = checkAnswer(node, rawAnswer(node.name, scope), choicesOf(node, scope));
        value = checked.value;
        if (checked.problem) answerProblems.set(key, checked.problem);
      }
    }
    values.set(key, value);
    return value;
  }

  function resolve(name: string, scope: Scope | undefined): Value {
    const node = form.nodes.get(name);
    if (!node) return '';
    if (node.repeat === undefined) return valueOf(node, undefined);
    if (scope && node.repeat === scope.repeat) return valueOf(node, scope);
    return '';
  }

  return { context, holds, hasConsent, isSectionVisible, choicesOf, isVisible, valueOf, answerProblems };
}

/** A question's visibility and value, as an export reads them. */
export interface NodeValue {
  readonly isVisible: boolean;
  readonly isAnswered: boolean;
  readonly value: Value;
}

/** The item of a repeat group a question is read in. */
export interface ItemScope {
  readonly repeat: string;
  readonly instance: RepeatInstance;
}

export interface FormValues {
  /** The question `name` (in `item` for a question of a repeat group); undefined when the form has no such question. */
  node(name: string, item?: ItemScope): NodeValue | undefined;
}

/**
 * Only what exports need — which questions are shown and what their answers and calculations
 * are — computed lazily, question by question, without the checks, requirements and section
 * totals of evaluateForm. The same values as evaluateForm gives.
 */
export function evaluateValues(form: CompiledForm, answers: Answers, today: string): FormValues {
  const { isVisible, valueOf } = createEvaluator(form, answers, today);
  // Several columns read the same question (a multiple choice: its codes and one per choice).
  const top = new Map<string, NodeValue | undefined>();
  const compute = (name: string, item: ItemScope | undefined): NodeValue | undefined => {
    const node = form.nodes.get(name);
    if (!node) return undefined;
    const visible = isVisible(node, item);
    const value = visible ? valueOf(node, item) : '';
    return { isVisible: visible, isAnswered: visible && !isEmpty(value), value };
  };
  return {
    node(name, item) {
      if (item) return compute(name, item);
      if (top.has(name)) return top.get(name);
      const value = compute(name, undefined);
      top.set(name, value);
      return value;
    },
  };
}

export function evaluateForm(form: CompiledForm, answers: Answers, today: string): FormState {
  const { context, holds, hasConsent, isSectionVisible, choicesOf, isVisible, valueOf, answerProblems } = createEvaluator(form, answers, today);
  const states = new Map<string, NodeState>();
  const problems: NodeState[] = [];

  function stateOf(node: FormNode, scope: Scope | undefined): NodeState {
    const path = pathOf(node.name, scope);
    const visible = isVisible(node, scope);
    const choices = choicesOf(node, scope);
    const value = visible ? valueOf(node, scope) : '';
    const isAnswerable = node.kind !== 'note' && node.kind !== 'matrix' && node.kind !== 'calculate';
    const isRequired = visible && isAnswerable && (typeof node.required === 'boolean' ? node.required : holds(node.required, scope));
    const isAnswered = visible && !isEmpty(value);
    let problem: AnswerProblem | undefined = answerProblems.get(path);
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

  for (const node of form.nodes.values()) {
    if (node.repeat) continue;
    count(stateOf(node, undefined), node.section);
    if (node.kind === 'repeat') {
      const raw = answers[node.name];
      const instances = isRepeatInstances(raw) && isVisible(node, undefined) ? raw : [];
      for (const instance of instances) {
        const scope = { repeat: node.name, instance };
        for (const child of form.repeatChildren.get(node.name) ?? []) {
          const childNode = form.nodes.get(child);
          if (childNode) count(stateOf(childNode, scope), node.section);
        }
      }
    }
  }

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

