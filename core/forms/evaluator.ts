/**
 * The engine's lazy core: visibility, values and choices of each question, each computed once
 * when first asked for. Exports run it on every interview of a bundle, so its caches are arrays
 * indexed by the question's place in the form (one set for the interview, one per repeat item)
 * rather than maps keyed by paths built as strings.
 */
import { IndexedAnswers, type AnswerName, type AnswerValue, type Answers, type RepeatInstance } from './answers';
import { answerValue, checkAnswer, type AnswerProblem } from './answer-check';
import type { Expr } from './expressions/ast';
import { compileIndexed, evaluate, type CompiledExpr, type EvalContext, type IndexedContext } from './expressions/evaluate';
import { toBoolean, type Value } from './expressions/values';
import type { CompiledForm, FormNode } from './model';
import type { Choice } from './schema';

export interface Scope {
  readonly repeat: string;
  readonly instance: RepeatInstance;
}

/** Where each question sits, by its index in `form.nodes`; computed once per compiled form. */
interface Plan {
  readonly nodes: readonly FormNode[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** Index of the node's repeat group, or -1. */
  readonly repeatOf: Int32Array;
  /** Index of the node's matrix or choice question, or -1. */
  readonly parentOf: Int32Array;
  /** Index of the node's section in `sectionNames`. */
  readonly sectionOf: Int32Array;
  readonly sectionNames: readonly string[];
  readonly sectionIndexOf: ReadonlyMap<string, number>;
  readonly sectionRelevant: readonly (CompiledExpr | undefined)[];
  readonly sectionLocked: readonly boolean[];
  /** Each node's relevance and calculation, compiled with their references looked up. */
  readonly relevant: readonly (CompiledExpr | undefined)[];
  readonly calculation: readonly (CompiledExpr | undefined)[];
}

const plans = new WeakMap<CompiledForm, Plan>();

function planOf(form: CompiledForm): Plan {
  const known = plans.get(form);
  if (known) return known;
  const nodes = [...form.nodes.values()];
  const indexOf = new Map(nodes.map((node, i) => [node.name, i]));
  const sectionIndexOf = new Map<string, number>();
  const sectionNames: string[] = [];
  const sectionRelevant: (Expr | undefined)[] = [];
  const addSection = (name: string, relevant: Expr | undefined): number => {
    const index = sectionIndexOf.get(name);
    if (index !== undefined) return index;
    sectionIndexOf.set(name, sectionNames.length);
    sectionNames.push(name);
    sectionRelevant.push(relevant);
    return sectionNames.length - 1;
  };
  for (const { section, relevant } of form.sections) addSection(section.name, relevant);
  const indexOrMinus = (name: string | undefined) => (name === undefined ? -1 : indexOf.get(name) ?? -1);
  const compiled = (expr: Expr | undefined) => (expr ? compileIndexed(expr, (name) => indexOf.get(name)) : undefined);
  const plan: Plan = {
    nodes,
    indexOf,
    repeatOf: Int32Array.from(nodes, (node) => indexOrMinus(node.repeat)),
    parentOf: Int32Array.from(nodes, (node) => indexOrMinus(node.parent)),
    sectionOf: Int32Array.from(nodes, (node) => addSection(node.section, undefined)),
    sectionNames,
    sectionIndexOf,
    sectionRelevant: sectionRelevant.map(compiled),
    sectionLocked: sectionNames.map((name) => form.consentLocked.has(name)),
    relevant: nodes.map((node) => compiled(node.relevant)),
    calculation: nodes.map((node) => compiled(node.calculation)),
  };
  plans.set(form, plan);
  return plan;
}

/** The index of a question in its form's order (what FormValues.shownValue takes), or undefined. */
export function questionIndex(form: CompiledForm, name: string): number | undefined {
  return planOf(form).indexOf.get(name);
}

/**
 * Answers met walking an interview's fields — each name with its value, then each repeat group
 * with its items — by index in `form` (see IndexedAnswers): what the object keyed by name would
 * hold, read where the form asks. A later value wins, as a later key would, and a group's items
 * over a plain value of the same name.
 */
export function indexAnswers(form: CompiledForm, names: readonly AnswerName[], values: readonly AnswerValue[], groups: readonly (readonly [string, readonly RepeatInstance[]])[]): IndexedAnswers {
  const { indexOf, nodes } = planOf(form);
  const at = new Array<AnswerValue | undefined>(nodes.length);
  for (let i = 0; i < names.length; i++) {
    const name = names[i] as AnswerName;
    if (name.lookedUpIn !== form) {
      name.index = indexOf.get(name.name) ?? -1;
      name.lookedUpIn = form;
    }
    if (name.index >= 0) at[name.index] = values[i];
  }
  for (const [name, items] of groups) {
    const index = indexOf.get(name);
    if (index !== undefined) at[index] = items;
  }
  return new IndexedAnswers(form, at);
}

const unknown = 0;
const hidden = 1;
const shown = 2;

/** What is known of the questions of one scope (the interview, or one repeat item). */
interface Slots {
  readonly scope: Scope | undefined;
  readonly context: EvalContext;
  /** The same, for compiled expressions. */
  readonly indexed: IndexedContext;
  /** hidden or shown; unknown where not yet computed (a plain array: typed arrays are slow to make, and there is one per item; made at its full length, as writes come in any order). */
  readonly visibility: (typeof hidden | typeof shown | undefined)[];
  readonly values: (Value | undefined)[];
  readonly problems: (AnswerProblem | undefined)[];
  readonly choices: (readonly Choice[] | undefined)[];
}

export interface Evaluator {
  readonly indexOf: ReadonlyMap<string, number>;
  readonly nodes: readonly FormNode[];
  /** Expression context of a scope; with `current`, the context of a constraint on that value. */
  readonly context: (scope: Scope | undefined, current?: Value) => EvalContext;
  readonly holds: (expr: Expr, scope: Scope | undefined) => boolean;
  readonly hasConsent: () => boolean;
  readonly isSectionVisible: (name: string) => boolean;
  readonly isVisible: (node: number, scope: Scope | undefined) => boolean;
  readonly valueOf: (node: number, scope: Scope | undefined) => Value;
  /** The value of a shown question; undefined when it is hidden. */
  readonly shownValue: (node: number, scope: Scope | undefined) => Value | undefined;
  readonly choicesOf: (node: number, scope: Scope | undefined) => readonly Choice[] | undefined;
  /** The problem found reading the stored answer. */
  readonly problemOf: (node: number, scope: Scope | undefined) => AnswerProblem | undefined;
  /** The answer as stored (not checked, not computed), shown or not. */
  readonly storedOf: (node: number, scope: Scope | undefined) => AnswerValue | undefined;
}

/** What an interview answered, by name or by index (see IndexedAnswers) in `form`. */
function storedAnswers(form: CompiledForm, nodes: readonly FormNode[], answers: Answers | IndexedAnswers): (index: number) => AnswerValue | undefined {
  if (!(answers instanceof IndexedAnswers)) return (index) => answers[(nodes[index] as FormNode).name];
  if (answers.form !== form) throw new Error(`answers indexed for another form than ${form.key}`);
  const { at } = answers;
  return (index) => at[index];
}

export function createEvaluator(form: CompiledForm, answers: Answers | IndexedAnswers, today: string): Evaluator {
  const plan = planOf(form);
  const { nodes, indexOf, repeatOf, parentOf, sectionOf } = plan;
  const count = nodes.length;
  const stored = storedAnswers(form, nodes, answers);

  const makeSlots = (scope: Scope | undefined): Slots => ({
    scope,
    context: { resolve: (name) => resolve(name, scope), today },
    indexed: { valueAt: (index) => valueAt(index, scope), today },
    visibility: new Array<typeof hidden | typeof shown | undefined>(count),
    values: new Array<Value | undefined>(count),
    problems: [],
    choices: [],
  });
  const top = makeSlots(undefined);
  const scoped = new Map<Scope, Slots>();
  // Exports read a repeat item's questions one after another: the last item's slots come first.
  let lastScope: Scope | undefined;
  let lastSlots = top;
  const slotsOf = (scope: Scope | undefined): Slots => {
    if (!scope) return top;
    if (scope === lastScope) return lastSlots;
    let slots = scoped.get(scope);
    if (!slots) scoped.set(scope, (slots = makeSlots(scope)));
    lastScope = scope;
    lastSlots = slots;
    return slots;
  };

  const context = (scope: Scope | undefined, current?: Value): EvalContext =>
    current === undefined ? slotsOf(scope).context : { resolve: (name) => resolve(name, scope), today, current };
  const holds = (expr: Expr, scope: Scope | undefined) => toBoolean(evaluate(expr, slotsOf(scope).context));

  const consent = form.definition.consent;
  let consentGiven: boolean | undefined;
  /** Consent lives in an unlocked section, so reading it never asks for consent itself. */
  const hasConsent = (): boolean => {
    consentGiven ??= consent ? resolve(consent.question, undefined) === consent.value : true;
    return consentGiven;
  };

  const sectionVisibility = new Uint8Array(plan.sectionNames.length);
  function sectionShown(section: number): boolean {
    const known = sectionVisibility[section];
    if (known !== unknown) return known === shown;
    sectionVisibility[section] = hidden;
    const relevant = plan.sectionRelevant[section];
    const locked = plan.sectionLocked[section] === true && !hasConsent();
    const visible = !locked && (!relevant || toBoolean(relevant(top.indexed)));
    sectionVisibility[section] = visible ? shown : hidden;
    return visible;
  }
  function isSectionVisible(name: string): boolean {
    const section = plan.sectionIndexOf.get(name);
    return section === undefined ? !(form.consentLocked.has(name) && !hasConsent()) : sectionShown(section);
  }

  function choicesIn(index: number, slots: Slots): readonly Choice[] | undefined {
    const node = nodes[index] as FormNode;
    if (!node.choices) return undefined;
    const filter = node.choiceFilter;
    if (!filter) return node.choices;
    if (index in slots.choices) return slots.choices[index];
    const kept = node.choices.filter((choice) =>
      toBoolean(evaluate(filter, {
        ...slots.context,
        attribute: (attr) => (attr === 'value' || attr === 'name' ? choice.value : choice.attributes?.[attr] ?? ''),
      })),
    );
    slots.choices[index] = kept;
    return kept;
  }

  function visibleIn(index: number, slots: Slots): boolean {
    const known = slots.visibility[index];
    if (known !== undefined) return known === shown;
    const node = nodes[index] as FormNode;
    let visible = sectionShown(sectionOf[index] as number);
    const repeat = repeatOf[index] as number;
    if (visible && repeat >= 0) visible = visibleIn(repeat, top);
    const parent = parentOf[index] as number;
    if (visible && parent >= 0) {
      visible = visibleIn(parent, slots);
      if (visible && node.kind === 'other-text') {
        const chosen = valueIn(parent, slots);
        visible = Array.isArray(chosen) ? chosen.includes('other') : chosen === 'other';
      }
    }
    const relevant = plan.relevant[index];
    if (visible && relevant) visible = toBoolean(relevant(slots.indexed));
    slots.visibility[index] = visible ? shown : hidden;
    return visible;
  }

  function valueIn(index: number, slots: Slots): Value {
    const cached = slots.values[index];
    if (cached !== undefined) return cached;
    let value: Value = '';
    if (visibleIn(index, slots)) {
      const node = nodes[index] as FormNode;
      const calculation = plan.calculation[index];
      value = calculation ? calculation(slots.indexed) : answerValue(node, rawIn(index, slots));
    }
    slots.values[index] = value;
    return value;
  }

  const rawIn = (index: number, slots: Slots) => (slots.scope ? slots.scope.instance.answers[(nodes[index] as FormNode).name] : stored(index));

  /** Problems are looked for only when asked (the form screen asks; exports never do). */
  function problemIn(index: number, slots: Slots): AnswerProblem | undefined {
    if (index in slots.problems) return slots.problems[index];
    const node = nodes[index] as FormNode;
    const problem = !node.calculation && visibleIn(index, slots) ? checkAnswer(node, rawIn(index, slots), choicesIn(index, slots)).problem : undefined;
    slots.problems[index] = problem;
    return problem;
  }

  /** What `${name}` reads in a scope: a question of the interview, or of the scope's own item; '' otherwise. */
  function valueAt(index: number, scope: Scope | undefined): Value {
    if ((repeatOf[index] as number) < 0) return valueIn(index, top);
    if (scope && (nodes[index] as FormNode).repeat === scope.repeat) return valueIn(index, slotsOf(scope));
    return '';
  }

  function resolve(name: string, scope: Scope | undefined): Value {
    const index = indexOf.get(name);
    return index === undefined ? '' : valueAt(index, scope);
  }

  return {
    indexOf,
    nodes,
    context,
    holds,
    hasConsent,
    isSectionVisible,
    isVisible: (node, scope) => visibleIn(node, slotsOf(scope)),
    valueOf: (node, scope) => valueIn(node, slotsOf(scope)),
    shownValue: (node, scope) => {
      const slots = slotsOf(scope);
      return visibleIn(node, slots) ? valueIn(node, slots) : undefined;
    },
    choicesOf: (node, scope) => choicesIn(node, slotsOf(scope)),
    problemOf: (node, scope) => problemIn(node, slotsOf(scope)),
    storedOf: (node, scope) => (node >= 0 && node < count ? (scope ? scope.instance.answers[(nodes[node] as FormNode).name] : stored(node)) : undefined),
  };
}
