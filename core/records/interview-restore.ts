/**
 * Records read back from storage (or from an older version of the app) go through `restore`
 * before anything uses them: missing fields get their defaults, wrong types are dropped, and a
 * record too broken to show is reported instead of crashing the screen.
 */
import { isRespondentRole, type Interview, type RespondentRole } from './interview';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const role = (value: unknown): RespondentRole | '' => (typeof value === 'string' && isRespondentRole(value) ? value : '');

/** Returns the interview in today's shape, or null when it has no usable id. */
export function restoreInterview(raw: unknown): Interview | null {
  if (!isRecord(raw)) return null;
  const id = raw['id'];
  if (typeof id !== 'string' || id === '') return null;
  const createdAt = text(raw['createdAt']);
  return {
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
  };
}
