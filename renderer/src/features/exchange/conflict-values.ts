/** A conflict as the researcher reads it — the question's label, choices by their labels — and what may be written as a third value. */
import type { AnswerProblem } from '../../../../core/forms/answer-check';
import { isLikertCode, type Answers, type AnswerValue } from '../../../../core/forms/answers';
import { otherChoice } from '../../../../core/forms/compile';
import { evaluateForm, type FormState, type NodeState } from '../../../../core/forms/engine';
import type { CompiledForm, FormNode } from '../../../../core/forms/model';
import { parseAnswerPath, setAnswer } from '../../../../core/records/answer-paths';
import { interviewFieldNames, interviewFieldProblem, type FieldProblem, type InterviewField } from '../../../../core/records/interview';
import type { Choice } from '../../../../core/forms/schema';
import { parseIsoDate } from '../../../../core/shared/dates';
import type { Language } from '../../../../core/shared/language';
import type { FieldConflict } from '../../data';
import { nodeOfPath, pathLabel } from '../fill/labels';
import { parseNumberText } from '../fill/numbers';

/**
 * What a third value may be, as the question takes it: a text, a number (whole or not), a date,
 * one of the question's choices, several of them, a point of the five-point scale; or none
 * (narratives, rankings, lists of items and fields the app sets are chosen among the versions).
 */
export type ThirdValue =
  | { readonly kind: 'integer' | 'decimal' | 'date' | 'likert' }
  /** `cover`: a field of the interview's cover, whose inner runs of spaces fold into one as its editor folds them. */
  | { readonly kind: 'text'; readonly cover?: true }
  | { readonly kind: 'choice' | 'choices'; readonly choices: readonly Choice[] }
  | null;

/** Cover fields written as free text; the others (status, role, dates, form, stamps) are chosen among the versions. */
const freeCoverFields: ReadonlySet<string> = new Set(['respondentName', 'firmName', 'commune', 'networkName', 'interviewer', 'territory']);

/**
 * What a third value may be for this conflict. `answer`: the conflict's answer as the fill screen
 * sees it in the interview now (see answerState): no third value while it is not known (null),
 * nor for a question the interview does not show (it does not apply: one of the versions is kept
 * for the day it does); the choices are those it offers (after the question's filter). Left out,
 * the question's own kind and choices. The automatic "Other" choice is never offered: its text is
 * written on the interview itself.
 */
export function thirdValueKind(conflict: FieldConflict, form: CompiledForm | undefined, answer?: NodeState | null): ThirdValue {
  if (!conflict.path.startsWith('answers.')) return freeCoverFields.has(conflict.path) ? { kind: 'text', cover: true } : null;
  const node = form ? nodeOfPath(form, conflict.path.slice('answers.'.length)) : undefined;
  if (!form || !node || answer === null || answer?.isVisible === false) return null;
  const hasOtherText = form.nodes.get(`${node.name}_other`)?.kind === 'other-text';
  const choices = (answer?.choices ?? node.choices ?? []).filter((choice) => !(hasOtherText && choice.value === otherChoice.value));
  switch (node.kind) {
    case 'text':
    case 'other-text':
      return { kind: 'text' };
    case 'integer':
    case 'decimal':
    case 'date':
      return { kind: node.kind };
    case 'likert5':
    case 'matrix-item':
      return { kind: 'likert' };
    case 'single-choice':
      return choices.length > 0 ? { kind: 'choice', choices } : null;
    case 'multiple-choice':
      return choices.length > 0 ? { kind: 'choices', choices } : null;
    default:
      return null;
  }
}

/**
 * The value given, as the question takes it; null when it is not one (empty, not a number where
 * one is needed, not a date, not one of the choices). `given`: what was typed or chosen; the
 * codes ticked for several choices (kept in the form's order).
 */
export function thirdValueOf(kind: ThirdValue, given: string | readonly string[]): string | number | readonly string[] | null {
  if (kind === null) return null;
  if (kind.kind === 'choices') {
    const ticked = new Set(typeof given === 'string' ? [given] : given);
    const codes = kind.choices.map((choice) => choice.value).filter((code) => ticked.has(code));
    return codes.length > 0 ? codes : null;
  }
  if (typeof given !== 'string') return null;
  const text = given.trim();
  if (text === '') return null;
  switch (kind.kind) {
    case 'text':
      return kind.cover === true ? text.replace(/\s+/g, ' ') : text;
    case 'date':
      return parseIsoDate(text) ? text : null;
    case 'likert':
      return isLikertCode(text) ? text : null;
    case 'choice':
      return kind.choices.some((choice) => choice.value === text) ? text : null;
    case 'integer':
    case 'decimal': {
      const parsed = parseNumberText(text, kind.kind === 'integer');
      return parsed.kind === 'number' ? parsed.value : null;
    }
  }
}

/** A number typed as the fill screen would refuse it, and why ('number' or 'integer'); null otherwise. */
export function typedNumberProblem(kind: ThirdValue, given: string | readonly string[]): 'number' | 'integer' | null {
  if ((kind?.kind !== 'integer' && kind?.kind !== 'decimal') || typeof given !== 'string') return null;
  const parsed = parseNumberText(given, kind.kind === 'integer');
  return parsed.kind === 'invalid' ? parsed.reason : null;
}

/**
 * A conflict's answer as the fill screen sees it in `interview` (evaluateForm of its answers):
 * visible or not, the choices offered; null while the interview is not known, or when it has no
 * such answer (a repeat item it no longer has). Undefined for a cover field.
 */
export function answerState(conflict: FieldConflict, interview: FormState | undefined): NodeState | null | undefined {
  if (!conflict.path.startsWith('answers.')) return undefined;
  return interview?.nodes.get(conflict.path.slice('answers.'.length)) ?? null;
}

/** Why a third value may not be saved, as the fill screen or the interview's editor would say it. */
export type ThirdValueProblem =
  | { readonly kind: 'answer'; readonly node: FormNode; readonly problem: AnswerProblem }
  | { readonly kind: 'cover'; readonly problem: FieldProblem };

const isCheckedCoverField = (path: string): path is Exclude<InterviewField, 'respondentRole'> =>
  path !== 'respondentRole' && (interviewFieldNames as readonly string[]).includes(path);

/**
 * What is wrong with `value` written at every path of the conflict, checked as the fill screen
 * checks an answer (its constraint, bounds, the choices its filter leaves) against the rest of the
 * interview's `answers`, and as the interview's editor checks a cover field; null when nothing.
 * An answer left empty is not a problem here (a third value is never empty).
 */
export function thirdValueProblem(conflict: FieldConflict, form: CompiledForm | undefined, answers: Answers | undefined, value: AnswerValue, today: string): ThirdValueProblem | null {
  for (const path of conflict.paths) {
    if (!path.startsWith('answers.')) {
      const problem = isCheckedCoverField(path) && typeof value === 'string' ? interviewFieldProblem(path, value, today) : undefined;
      if (problem) return { kind: 'cover', problem };
      continue;
    }
    const answerPath = parseAnswerPath(path.slice('answers.'.length));
    const node = form ? nodeOfPath(form, path.slice('answers.'.length)) : undefined;
    if (!form || !answers || !answerPath || !node) continue;
    const state = evaluateForm(form, setAnswer(answers, answerPath, value), today).nodes.get(path.slice('answers.'.length));
    if (state?.problem && state.problem.code !== 'required') return { kind: 'answer', node, problem: state.problem };
  }
  return null;
}

/** The question a conflict is about, by its label ("Partenaire · Nom"); a cover field by `coverLabel`; the raw path otherwise. */
export function conflictFieldLabel(conflict: FieldConflict, form: CompiledForm | undefined, lang: Language, coverLabel: (field: string) => string | undefined): string {
  if (!conflict.path.startsWith('answers.')) return coverLabel(conflict.path) ?? conflict.path;
  const path = conflict.path.slice('answers.'.length);
  return form ? pathLabel(form, {}, path, lang) : path;
}

/** A version's value with its choices' labels (codes the form does not know stay as they are); null where the question has no choices. */
export function choiceLabels(conflict: FieldConflict, form: CompiledForm | undefined, value: unknown, lang: Language): string | null {
  if (!form || !conflict.path.startsWith('answers.')) return null;
  const choices = nodeOfPath(form, conflict.path.slice('answers.'.length))?.choices;
  if (!choices) return null;
  const label = (code: unknown) => (typeof code === 'string' ? choices.find((c) => c.value === code)?.label[lang] ?? code : String(code));
  if (Array.isArray(value)) return value.map(label).join(', ');
  return typeof value === 'string' && value !== '' ? label(value) : null;
}
