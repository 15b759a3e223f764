/**
 * The interview record of the first slice: who was interviewed, for which firm and network, when
 * and by whom. The policy on what a researcher may type lives here, so the form, the importer
 * and the CLI all refuse the same things.
 */
import { addYears, parseIsoDate, type IsoDate } from '../shared/dates';
import type { Answers } from '../forms/answers';
import { err, ok, type Result } from '../shared/result';

export const respondentRoles = ['founder', 'heir', 'hired-manager', 'other'] as const;
export type RespondentRole = (typeof respondentRoles)[number];

export interface InterviewFields {
  readonly respondentName: string;
  readonly respondentRole: RespondentRole | '';
  readonly firmName: string;
  readonly commune: string;
  readonly networkName: string;
  readonly interviewDate: IsoDate;
  readonly interviewer: string;
}
export type InterviewField = keyof InterviewFields;

export const interviewStatuses = ['draft', 'complete', 'validated'] as const;
export type InterviewStatus = (typeof interviewStatuses)[number];

/** An interview without its answers: what the list shows, searches and filters. */
export type InterviewSummary = Omit<Interview, 'answers'>;

export interface Interview extends InterviewFields {
  readonly id: string;
  /** ISO 8601 instants. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The form the interview was started with; it always reopens with that version. */
  readonly formId: string;
  readonly formVersion: number;
  readonly status: InterviewStatus;
  readonly answers: Answers;
  /** Where the network is (from the form's summary mapping), for filtering. */
  readonly territory: string;
  /** The last question touched, to resume there. */
  readonly lastPath: string;
  readonly completedAt?: string;
  readonly validatedAt?: string;
  readonly validatedBy?: string;
}

export const interviewFieldNames = [
  'respondentName',
  'respondentRole',
  'firmName',
  'commune',
  'networkName',
  'interviewDate',
  'interviewer',
] as const satisfies readonly InterviewField[];

export const requiredInterviewFields: ReadonlySet<InterviewField> = new Set([
  'respondentName',
  'firmName',
  'interviewDate',
  'interviewer',
]);

/** Longest text accepted in a one-line field (a name, a commune). */
export const maxShortTextLength = 200;
/** Earliest interview date accepted: older dates are typing slips. */
export const earliestInterviewDate: IsoDate = '1950-01-01';

export type FieldProblem =
  | { readonly code: 'required' }
  | { readonly code: 'blank' }
  | { readonly code: 'too-long'; readonly max: number }
  | { readonly code: 'invalid-date' }
  | { readonly code: 'date-too-far'; readonly latest: IsoDate }
  | { readonly code: 'date-too-early'; readonly earliest: IsoDate }
  | { readonly code: 'invalid-choice' };

export type FieldProblems = Partial<Record<InterviewField, FieldProblem>>;

/** What the form hands over: every field as typed, possibly missing. */
export type InterviewInput = Partial<Record<InterviewField, string>>;

export const isRespondentRole = (value: string): value is RespondentRole =>
  (respondentRoles as readonly string[]).includes(value);
const isRole = isRespondentRole;

function checkText(field: InterviewField, raw: string | undefined): { value: string; problem?: FieldProblem } {
  const typed = raw ?? '';
  const value = typed.trim().replace(/\s+/g, ' ');
  if (value.length > maxShortTextLength) return { value, problem: { code: 'too-long', max: maxShortTextLength } };
  if (value === '' && requiredInterviewFields.has(field)) {
    return { value, problem: typed.length > 0 ? { code: 'blank' } : { code: 'required' } };
  }
  return { value };
}

function checkDate(raw: string | undefined, today: IsoDate): { value: string; problem?: FieldProblem } {
  const value = (raw ?? '').trim();
  if (value === '') return { value, problem: { code: 'required' } };
  if (!parseIsoDate(value)) return { value, problem: { code: 'invalid-date' } };
  const latest = addYears(today, 1);
  if (value > latest) return { value, problem: { code: 'date-too-far', latest } };
  if (value < earliestInterviewDate) return { value, problem: { code: 'date-too-early', earliest: earliestInterviewDate } };
  return { value };
}

/**
 * What validateInterviewInput would find wrong with `raw` as the one field `field` (the others
 * left as they are); undefined when nothing. For a value written elsewhere than the interview's
 * editor (a conflict settled with a third value).
 */
export function interviewFieldProblem(field: Exclude<InterviewField, 'respondentRole'>, raw: string, today: IsoDate): FieldProblem | undefined {
  return field === 'interviewDate' ? checkDate(raw, today).problem : checkText(field, raw).problem;
}

/**
 * Checks and normalises what a researcher typed: trims, folds inner runs of spaces, refuses
 * empty or space-only required fields, over-long text and dates more than a year ahead of
 * `today` (a planned interview is fine; a slip of the year is not).
 */
export function validateInterviewInput(input: InterviewInput, today: IsoDate): Result<InterviewFields, FieldProblems> {
  const problems: Partial<Record<InterviewField, FieldProblem>> = {};
  const text = (field: InterviewField): string => {
    const checked = checkText(field, input[field]);
    if (checked.problem) problems[field] = checked.problem;
    return checked.value;
  };
  const date = checkDate(input.interviewDate, today);
  if (date.problem) problems.interviewDate = date.problem;
  const role = (input.respondentRole ?? '').trim();
  if (role !== '' && !isRole(role)) problems.respondentRole = { code: 'invalid-choice' };

  const fields: InterviewFields = {
    respondentName: text('respondentName'),
    respondentRole: isRole(role) ? role : '',
    firmName: text('firmName'),
    commune: text('commune'),
    networkName: text('networkName'),
    interviewDate: date.value,
    interviewer: text('interviewer'),
  };
  return Object.keys(problems).length > 0 ? err(problems) : ok(fields);
}

/** The text a full-text search looks in, folded for accent- and case-blind matching. */
export function interviewSearchText(fields: Pick<InterviewFields, 'respondentName' | 'firmName' | 'networkName' | 'commune' | 'interviewer'> & { readonly territory?: string }): string {
  return foldForSearch([fields.respondentName, fields.firmName, fields.networkName, fields.commune, fields.interviewer, fields.territory ?? ''].join(' '));
}

/** Lower case, no diacritics: "Élodie" and "elodie" match. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Newest first; ties broken by the last edit, then id, so the order never flickers. */
export function compareInterviewsByDate(a: InterviewSummary, b: InterviewSummary): number {
  if (a.interviewDate !== b.interviewDate) return a.interviewDate < b.interviewDate ? 1 : -1;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
