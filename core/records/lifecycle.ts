/**
 * An interview's life: draft → complete → validated, and back to draft when reopened. An
 * interview becomes complete only when the form engine finds no visible answer missing or wrong;
 * after that, every change is kept in its edit history.
 */
import type { NodeState, FormState } from '../forms/engine';
import { err, ok, type Result } from '../shared/result';
import type { Interview } from './interview';

export type LifecycleError =
  | { readonly code: 'incomplete'; readonly missing: readonly NodeState[] }
  | { readonly code: 'not-complete' }
  | { readonly code: 'no-consent' };

export function completeInterview(interview: Interview, state: FormState, now: Date): Result<Interview, LifecycleError> {
  if (state.problems.length > 0) return err({ code: 'incomplete', missing: state.problems });
  if (!state.hasConsent) return err({ code: 'no-consent' });
  const at = now.toISOString();
  return ok({ ...interview, status: 'complete', completedAt: at, updatedAt: at });
}

export function validateInterview(interview: Interview, reviewer: string, now: Date): Result<Interview, LifecycleError> {
  if (interview.status !== 'complete') return err({ code: 'not-complete' });
  const at = now.toISOString();
  return ok({ ...interview, status: 'validated', validatedAt: at, validatedBy: reviewer, updatedAt: at });
}

/** Back to draft; the dates of the earlier completion and validation are forgotten. */
export function reopenInterview(interview: Interview, now: Date): Interview {
  const { completedAt: _c, validatedAt: _v, validatedBy: _b, ...rest } = interview;
  return { ...rest, status: 'draft', updatedAt: now.toISOString() };
}

/** One change after completion: what, from what, to what, who and when. */
export interface EditEntry {
  readonly interviewId: string;
  /** An answer path, a summary field (`summary.firmName`) or `status`. */
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly who: string;
  readonly at: string;
}

/** Changes are recorded once an interview has left the draft stage. */
export const isHistoryKept = (interview: Interview): boolean => interview.status !== 'draft';
