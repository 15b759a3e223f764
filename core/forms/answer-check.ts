/**
 * Reads one stored answer as the value its question type expects. A value of the wrong shape
 * (an old or tampered record) is reported as `invalid-type` and treated as unanswered.
 */
import { parseIsoDate } from '../shared/dates';
import { answerAsValue, isLikertCode, isLongTextAnswer, isRepeatInstances, isStringList, type AnswerValue } from './answers';
import type { Value } from './expressions/values';
import type { FormNode } from './model';
import type { Choice } from './schema';

export type AnswerProblem =
  | { readonly code: 'required' }
  | { readonly code: 'constraint' }
  | { readonly code: 'invalid-type' }
  | { readonly code: 'below-min'; readonly min: number }
  | { readonly code: 'above-max'; readonly max: number }
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'not-a-choice'; readonly value: string }
  | { readonly code: 'rank-incomplete'; readonly count: number }
  | { readonly code: 'too-few-items'; readonly min: number }
  | { readonly code: 'too-many-items'; readonly max: number };

export interface CheckedAnswer {
  readonly value: Value;
  readonly problem?: AnswerProblem;
}

const invalid: CheckedAnswer = { value: '', problem: { code: 'invalid-type' } };

/** The codes of a list of choices, made once per list (forms keep their lists; filters cache theirs). */
const allowedCodes = new WeakMap<readonly Choice[], ReadonlySet<string>>();
const noCodes: ReadonlySet<string> = new Set();

function codesOf(choices: readonly Choice[] | undefined): ReadonlySet<string> {
  if (!choices) return noCodes;
  let codes = allowedCodes.get(choices);
  if (!codes) allowedCodes.set(choices, (codes = new Set(choices.map((c) => c.value))));
  return codes;
}

function checkChoices(values: readonly string[], choices: readonly Choice[] | undefined): AnswerProblem | undefined {
  const allowed = codesOf(choices);
  const wrong = values.find((v) => !allowed.has(v));
  return wrong === undefined ? undefined : { code: 'not-a-choice', value: wrong };
}

function checkBounds(value: number, question: FormNode['question']): AnswerProblem | undefined {
  if ('min' in question && question.min !== undefined && value < question.min) return { code: 'below-min', min: question.min };
  if ('max' in question && question.max !== undefined && value > question.max) return { code: 'above-max', max: question.max };
  return undefined;
}

const withProblem = (value: Value, problem: AnswerProblem | undefined): CheckedAnswer => (problem ? { value, problem } : { value });

/**
 * The value a stored answer gives, without looking for problems: `checkAnswer(…).value`, which
 * never depends on the choices offered (an answer that is not a choice keeps its value). Exports
 * read every answer of every interview this way, allocating nothing.
 */
export function answerValue(node: FormNode, raw: AnswerValue | undefined): Value {
  if (raw === undefined || raw === '') return '';
  switch (node.kind) {
    case 'text':
    case 'other-text':
      return typeof raw === 'string' ? raw : '';
    case 'long-text':
      if (typeof raw === 'string') return raw;
      return isLongTextAnswer(raw) ? raw.text : '';
    case 'integer':
      return typeof raw === 'number' && Number.isInteger(raw) ? raw : '';
    case 'decimal':
      return typeof raw === 'number' && Number.isFinite(raw) ? raw : '';
    case 'date':
      return typeof raw === 'string' && parseIsoDate(raw) ? raw : '';
    case 'single-choice':
      return typeof raw === 'string' ? raw : '';
    case 'multiple-choice':
      return isStringList(raw) ? raw : '';
    case 'likert5':
    case 'matrix-item':
      return typeof raw === 'string' && isLikertCode(raw) ? raw : '';
    case 'ranking':
      if (!isStringList(raw) || new Set(raw).size !== raw.length) return '';
      return node.question.type === 'ranking' && raw.length > node.question.rank ? '' : raw;
    case 'repeat':
      return isRepeatInstances(raw) ? answerAsValue(raw) : '';
    case 'note':
    case 'matrix':
    case 'calculate':
      return '';
  }
}

/** `choices` are those offered now (after any choice filter). */
export function checkAnswer(node: FormNode, raw: AnswerValue | undefined, choices: readonly Choice[] | undefined): CheckedAnswer {
  if (raw === undefined || raw === '') return { value: '' };
  const { question } = node;
  switch (node.kind) {
    case 'text':
    case 'other-text': {
      if (typeof raw !== 'string') return invalid;
      const max = question.type === 'text' ? question.maxLength : undefined;
      return withProblem(raw, max !== undefined && raw.length > max ? { code: 'too-long', max } : undefined);
    }
    case 'long-text':
      if (typeof raw === 'string') return { value: raw };
      return isLongTextAnswer(raw) ? { value: raw.text } : invalid;
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return invalid;
      return withProblem(raw, checkBounds(raw, question));
    case 'decimal':
      if (typeof raw !== 'number' || !Number.isFinite(raw)) return invalid;
      return withProblem(raw, checkBounds(raw, question));
    case 'date':
      return typeof raw === 'string' && parseIsoDate(raw) ? { value: raw } : invalid;
    case 'single-choice':
      if (typeof raw !== 'string') return invalid;
      return withProblem(raw, checkChoices([raw], choices));
    case 'multiple-choice':
      if (!isStringList(raw)) return invalid;
      return withProblem(raw, checkChoices(raw, choices));
    case 'likert5':
    case 'matrix-item':
      return typeof raw === 'string' && isLikertCode(raw) ? { value: raw } : invalid;
    case 'ranking': {
      if (!isStringList(raw) || new Set(raw).size !== raw.length) return invalid;
      if (question.type === 'ranking' && raw.length > question.rank) return invalid;
      return withProblem(raw, checkChoices(raw, choices));
    }
    case 'repeat':
      return isRepeatInstances(raw) ? { value: answerAsValue(raw) } : invalid;
    case 'note':
    case 'matrix':
    case 'calculate':
      return { value: '' };
  }
}
