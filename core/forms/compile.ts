/**
 * Checks a schema-valid form for what a schema cannot see — duplicate names, unknown references,
 * calls to unknown functions, loops between calculations, missing translations — and compiles
 * its expressions once, so that filling never meets a broken form.
 */
import { referencesOf, type Expr } from './expressions/ast';
import { compileRegex, functionSpec } from './expressions/functions';
import { parseExpression } from './expressions/parse';
import type { CompiledForm, CompiledSection, FormNode } from './model';
import type { FormProblem } from './problems';
import type { Choice, FormDefinition, Question, Text } from './schema';
import { err, ok, type Result } from '../shared/result';
import { findCycle } from './cycles';
import { collectTranslationProblems } from './translations';

/** The choice added to a question with `other: true`; its text is asked in `<name>_other`. */
export const otherChoice: Choice = { value: 'other', label: { fr: 'Autre', en: 'Other' } };
const otherLabel: Text = { fr: 'Précisez', en: 'Please specify' };

interface Context {
  readonly problems: FormProblem[];
  readonly form: FormDefinition;
}

type ExpressionRole = 'relevant' | 'required' | 'constraint' | 'calculation' | 'choiceFilter';

function compileExpression(ctx: Context, source: string | undefined, role: ExpressionRole, where: { question?: string; section?: string }): Expr | undefined {
  if (source === undefined) return undefined;
  const parsed = parseExpression(source);
  if (!parsed.ok) {
    ctx.problems.push({ code: 'syntax', ...where, property: role, detail: `${parsed.error.message} — ${source}` });
    return undefined;
  }
  checkCalls(ctx, parsed.value, role, where);
  return parsed.value;
}

function checkCalls(ctx: Context, expr: Expr, role: ExpressionRole, where: { question?: string; section?: string }): void {
  switch (expr.kind) {
    case 'current':
      if (role !== 'constraint') ctx.problems.push({ code: 'current-outside-constraint', ...where, property: role });
      return;
    case 'attribute':
      if (role !== 'choiceFilter') ctx.problems.push({ code: 'bare-name', ...where, property: role, detail: expr.name });
      return;
    case 'negate':
      checkCalls(ctx, expr.argument, role, where);
      return;
    case 'binary':
      checkCalls(ctx, expr.left, role, where);
      checkCalls(ctx, expr.right, role, where);
      return;
    case 'call': {
      const spec = functionSpec(expr.name);
      if (!spec) ctx.problems.push({ code: 'unknown-function', ...where, property: role, detail: expr.name });
      else if (expr.args.length < spec.minArgs || expr.args.length > spec.maxArgs) {
        ctx.problems.push({ code: 'wrong-arity', ...where, property: role, detail: `${expr.name}()` });
      }
      const pattern = expr.args[1];
      if (expr.name === 'regex' && pattern?.kind === 'string' && compileRegex(pattern.value) === null) {
        ctx.problems.push({ code: 'invalid-regex', ...where, property: role, detail: pattern.value });
      }
      for (const arg of expr.args) checkCalls(ctx, arg, role, where);
      return;
    }
    default:
      return;
  }
}

function resolveChoices(ctx: Context, question: Question): readonly Choice[] | undefined {
  if (!('choices' in question)) return undefined;
  const declared = question.choices;
  const list = typeof declared === 'string' ? ctx.form.choiceLists?.[declared] : declared;
  if (!list) {
    ctx.problems.push({ code: 'unknown-choice-list', question: question.name, property: 'choices', detail: typeof declared === 'string' ? declared : '' });
    return [];
  }
  const seen = new Set<string>();
  for (const choice of list) {
    if (seen.has(choice.value)) ctx.problems.push({ code: 'duplicate-choice', question: question.name, detail: choice.value });
    seen.add(choice.value);
  }
  return 'other' in question && question.other === true && !seen.has('other') ? [...list, otherChoice] : list;
}

function nodesOf(ctx: Context, question: Question, section: string, repeat: string | undefined): FormNode[] {
  const where = { question: question.name };
  const inRepeat = repeat === undefined ? {} : { repeat };
  const required = typeof question.required === 'string' ? compileExpression(ctx, question.required, 'required', where) ?? false : question.required ?? false;
  const relevant = compileExpression(ctx, question.relevant, 'relevant', where);
  const constraint = compileExpression(ctx, question.constraint, 'constraint', where);
  const base = {
    name: question.name,
    question,
    label: question.label,
    section,
    ...inRepeat,
    required,
    ...(relevant ? { relevant } : {}),
    ...(constraint ? { constraint } : {}),
  };
  if (question.type === 'matrix') {
    const matrix: FormNode = { ...base, kind: 'matrix', required: false };
    const items = question.items.map((item): FormNode => {
      const itemRelevant = compileExpression(ctx, item.relevant, 'relevant', { question: item.name });
      const itemRequired = typeof item.required === 'string'
        ? compileExpression(ctx, item.required, 'required', { question: item.name }) ?? false
        : item.required ?? (typeof required === 'boolean' ? required : false);
      return {
        name: item.name, kind: 'matrix-item', question, label: item.label, section, ...inRepeat, parent: question.name,
        required: itemRequired, ...(itemRelevant ? { relevant: itemRelevant } : {}),
      };
    });
    return [matrix, ...items];
  }
  const choices = resolveChoices(ctx, question);
  const choiceFilter = 'choiceFilter' in question ? compileExpression(ctx, question.choiceFilter, 'choiceFilter', where) : undefined;
  const calculation = question.type === 'calculate' ? compileExpression(ctx, question.calculation, 'calculation', where) : undefined;
  const node: FormNode = {
    ...base,
    kind: question.type === 'repeat' ? 'repeat' : question.type,
    ...(choices ? { choices } : {}),
    ...(choiceFilter ? { choiceFilter } : {}),
    ...(calculation ? { calculation } : {}),
  };
  const nodes = [node];
  if ('other' in question && question.other === true) {
    nodes.push({ name: `${question.name}_other`, kind: 'other-text', question, label: otherLabel, section, ...inRepeat, parent: question.name, required: true });
  }
  if (question.type === 'repeat') {
    for (const child of question.questions) nodes.push(...nodesOf(ctx, child, section, question.name));
  }
  return nodes;
}

function checkReferences(ctx: Context, nodes: ReadonlyMap<string, FormNode>, sections: readonly CompiledSection[]): void {
  const check = (expr: Expr | boolean | undefined, property: string, from: { question?: string; section?: string }, scope: string | undefined) => {
    if (expr === undefined || typeof expr === 'boolean') return;
    for (const name of referencesOf(expr)) {
      const target = nodes.get(name);
      // A question inside a repeat is visible only to its own repeat (the repeat itself may be counted from outside).
      if (!target || (target.repeat !== undefined && target.repeat !== scope)) {
        ctx.problems.push({ code: 'unknown-reference', ...from, property, detail: name });
      }
    }
  };
  for (const node of nodes.values()) {
    const from = { question: node.name };
    check(node.relevant, 'relevant', from, node.repeat);
    check(node.required, 'required', from, node.repeat);
    check(node.constraint, 'constraint', from, node.repeat);
    check(node.calculation, 'calculation', from, node.repeat);
    check(node.choiceFilter, 'choiceFilter', from, node.repeat);
    for (const lang of ['fr', 'en'] as const) {
      for (const match of node.label[lang].matchAll(/\$\{([^}]*)\}/g)) {
        const name = (match[1] ?? '').trim();
        const target = nodes.get(name);
        if (!target || (target.repeat !== undefined && target.repeat !== node.repeat)) {
          ctx.problems.push({ code: 'unknown-reference', ...from, property: `label.${lang}`, detail: name });
        }
      }
    }
  }
  for (const section of sections) check(section.relevant, 'relevant', { section: section.section.name }, undefined);
}

/**
 * Edges from each node to what its value or visibility depends on. A question of a section that
 * consent locks depends on the consent question (when `consent` is given): consent logic that
 * loops back through such a question (the consent section shown only for some answer given after
 * consent) is a loop, reported as `consent-loop`.
 */
function dependencyGraph(nodes: ReadonlyMap<string, FormNode>, sections: readonly CompiledSection[], consent: { readonly question: string; readonly locked: ReadonlySet<string> } | null): Map<string, Set<string>> {
  const sectionRefs = new Map(sections.map((s) => [s.section.name, s.relevant ? referencesOf(s.relevant) : new Set<string>()]));
  const graph = new Map<string, Set<string>>();
  for (const node of nodes.values()) {
    const deps = new Set<string>(sectionRefs.get(node.section));
    if (consent?.locked.has(node.section)) deps.add(consent.question);
    if (node.relevant) referencesOf(node.relevant, deps);
    if (node.calculation) referencesOf(node.calculation, deps);
    if (node.parent) deps.add(node.parent);
    if (node.repeat) deps.add(node.repeat);
    graph.set(node.name, deps);
  }
  return graph;
}

/** A loop (`a → b → a`) told from the consent question when it passes through it. */
function fromConsent(loop: readonly string[], question: string): readonly string[] {
  const at = loop.indexOf(question);
  if (at <= 0) return loop;
  const cycle = loop.slice(0, -1);
  return [...cycle.slice(at), ...cycle.slice(0, at), question];
}

export function compileForm(form: FormDefinition): Result<CompiledForm, FormProblem[]> {
  const ctx: Context = { problems: [], form };
  const nodes = new Map<string, FormNode>();
  const repeatChildren = new Map<string, string[]>();
  const sectionNames = new Set<string>();
  const sections: CompiledSection[] = [];

  for (const section of form.sections) {
    if (sectionNames.has(section.name)) ctx.problems.push({ code: 'duplicate-name', section: section.name, detail: section.name });
    sectionNames.add(section.name);
    const relevant = compileExpression(ctx, section.relevant, 'relevant', { section: section.name });
    const top: string[] = [];
    for (const question of section.questions) {
      for (const node of nodesOf(ctx, question, section.name, undefined)) {
        if (nodes.has(node.name)) ctx.problems.push({ code: 'duplicate-name', question: node.name, detail: node.name });
        nodes.set(node.name, node);
        if (node.repeat) repeatChildren.set(node.repeat, [...(repeatChildren.get(node.repeat) ?? []), node.name]);
        else if (node.parent === undefined) top.push(node.name);
      }
    }
    sections.push({ section, nodes: top, ...(relevant ? { relevant } : {}) });
  }

  checkReferences(ctx, nodes, sections);

  const consentLocked = new Set<string>();
  if (form.consent) {
    const index = form.sections.findIndex((s) => s.name === form.consent?.section);
    const question = nodes.get(form.consent.question);
    if (index < 0) ctx.problems.push({ code: 'consent', detail: `section ${form.consent.section}` });
    else if (question?.section !== form.consent.section) ctx.problems.push({ code: 'consent', detail: `question ${form.consent.question}` });
    else for (const later of form.sections.slice(index + 1)) consentLocked.add(later.name);
  }

  const lock = form.consent && consentLocked.size > 0 ? { question: form.consent.question, locked: consentLocked } : null;
  const cycle = findCycle(dependencyGraph(nodes, sections, lock));
  if (cycle) {
    // Through the consent question and a question it locks: whether consent is asked depends on an answer given after it.
    const throughConsent = lock !== null && cycle.includes(lock.question) && cycle.some((name) => consentLocked.has(nodes.get(name)?.section ?? ''));
    ctx.problems.push(
      lock && throughConsent
        ? { code: 'consent-loop', question: lock.question, detail: fromConsent(cycle, lock.question).join(' → ') }
        : { code: 'cycle', question: cycle[0] ?? '', detail: cycle.join(' → ') },
    );
  }
  ctx.problems.push(...collectTranslationProblems(form));

  for (const [field, name] of Object.entries(form.summary ?? {})) {
    if (name === undefined) continue;
    const node = nodes.get(name);
    if (!node || node.repeat !== undefined || node.kind === 'repeat' || node.kind === 'note' || node.kind === 'matrix') {
      ctx.problems.push({ code: 'unknown-reference', property: `summary.${field}`, detail: name });
    }
  }

  if (ctx.problems.length > 0) return err(ctx.problems);
  return ok({ definition: form, key: `${form.id}@${form.version}`, nodes, sections, repeatChildren, consentLocked });
}
