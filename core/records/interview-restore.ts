/**
 * Records read back from storage (or from an older version of the app) go through `restore`
 * before anything uses them: missing fields get their defaults, wrong types are dropped, and a
 * record too broken to show is reported instead of crashing the screen.
 */
import type { Answers } from '../forms/answers';
import { interviewStatuses, isRespondentRole, type Interview, type InterviewStatus, type RespondentRole } from './interview';

/** Interviews stored before forms existed were all taken with the built-in instrument, version 1. */
export const legacyForm = { id: 'spl-cooperation', version: 1 } as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const role = (value: unknown): RespondentRole | '' => (typeof value === 'string' && isRespondentRole(value) ? value : '');

const status = (value: unknown): InterviewStatus =>
  interviewStatuses.find((s) => s === value) ?? 'draft';

/** Answers are checked one by one against the form when shown; here only the container is checked. */
const answers = (value: unknown): Answers => (isRecord(value) ? (value as Answers) : {});

const optionalKeys = ['completedAt', 'validatedAt', 'validatedBy'] as const;

/** Returns the interview in today's shape, or null when it has no usable id. */
export function restoreInterview(raw: unknown): Interview | null {
  if (!isRecord(raw)) return null;
  const id = raw['id'];
  if (typeof id !== 'string' || id === '') return null;
  const createdAt = text(raw['createdAt']);
  const interview: { -readonly [K in keyof Interview]: Interview[K] } = {
    id,
    respondentName: text(raw['respondentName']),
    respondentRole: role(raw['respondentRole']),
    firmName: text(raw['firmName']),
    commune: text(raw['commune']),
    networkName: text(raw['networkName']),
    interviewDate: text(raw['interviewDate']),
    interviewer: text(raw['interviewer']),
    createdAt,
    updatedAt: text(raw['updatedAt']) || createdAt,
    formId: text(raw['formId']) || legacyForm.id,
    formVersion: typeof raw['formVersion'] === 'number' && Number.isInteger(raw['formVersion']) ? raw['formVersion'] : legacyForm.version,
    status: status(raw['status']),
    answers: answers(raw['answers']),
    territory: text(raw['territory']),
    lastPath: text(raw['lastPath']),
  };
  // Set one by one rather than spread: every interview of an export of 10,000 comes through here.
  for (const key of optionalKeys) {
    const value = raw[key];
    if (typeof value === 'string' && value !== '') interview[key] = value;
  }
  return interview;
}
