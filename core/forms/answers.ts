/**
 * Answers as an interview stores them. Each question type has one shape; anything else coming
 * from storage (an old or tampered record) is kept but reported as invalid, never trusted.
 */
import type { Value } from './expressions/values';

/** Likert-5 answers: the scale points, and two answers outside the scale that are never averaged. */
export const likertCodes = ['1', '2', '3', '4', '5', 'dk', 'refused'] as const;
export type LikertCode = (typeof likertCodes)[number];
export const likertScalePoints = ['1', '2', '3', '4', '5'] as const;
export const isLikertCode = (value: string): value is LikertCode => (likertCodes as readonly string[]).includes(value);

/** A narrative answer, with the researcher's rendering in the other language when there is one. */
export interface LongTextAnswer {
  readonly text: string;
  /** The language the respondent spoke. */
  readonly lang: 'fr' | 'en' | 'other';
  readonly translation?: { readonly lang: 'fr' | 'en'; readonly text: string };
}

export interface RepeatInstance {
  /** Stable id of the item (e.g. one partner), so that edits and merges follow it. */
  readonly id: string;
  readonly answers: Answers;
}

export type AnswerValue = string | number | readonly string[] | LongTextAnswer | readonly RepeatInstance[];

export type Answers = Readonly<Record<string, AnswerValue | undefined>>;

/**
 * An answer's name as a reader of many interviews meets it again and again (one object per name),
 * with the index it has in the last form it was looked up in: exports find each answer's
 * question without hashing its name. indexAnswers fills in the lookup; whoever keeps these
 * objects (the bundle reader's bounded cache of paths) keeps that last form alive with them.
 */
export interface AnswerName {
  readonly name: string;
  /** The form `index` was found in; null before the first lookup. */
  lookedUpIn: object | null;
  /** The question's index in that form (see questionIndex), or -1 when the form has no such question. */
  index: number;
}

/**
 * The answers of an interview by question index in one form (see questionIndex), repeat items
 * at their group's index: what an export of thousands of interviews reads, made without an
 * object keyed by hundreds of names. Answers to questions the form does not have are left out.
 */
export class IndexedAnswers {
  constructor(
    readonly form: object,
    readonly at: readonly (AnswerValue | undefined)[],
  ) {}
}

export const isLongTextAnswer = (value: unknown): value is LongTextAnswer =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { text?: unknown }).text === 'string';

export const isStringList = (value: unknown): value is readonly string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

export const isRepeatInstances = (value: unknown): value is readonly RepeatInstance[] =>
  Array.isArray(value) &&
  value.every((item: unknown) => typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' && typeof (item as { answers?: unknown }).answers === 'object');

/** What an answer means to form logic (a narrative answer is its text). */
export function answerAsValue(answer: AnswerValue | undefined): Value {
  if (answer === undefined) return '';
  if (typeof answer === 'string' || typeof answer === 'number') return answer;
  if (isLongTextAnswer(answer)) return answer.text;
  if (isStringList(answer)) return answer;
  return answer.map((instance) => instance.id);
}
