/**
 * Draft → complete → validated, and reopen: each step is computed by the core on the stored
 * interview, inside the repository's transaction, after every queued answer is written.
 */
import { useState } from 'react';
import type { NodeState } from '../../../../core/forms/engine';
import { evaluateForm } from '../../../../core/forms/engine';
import type { CompiledForm } from '../../../../core/forms/model';
import type { Interview } from '../../../../core/records/interview';
import { completeInterview, reopenInterview, validateInterview, type LifecycleError } from '../../../../core/records/lifecycle';
import { ok, type Result } from '../../../../core/shared/result';
import { currentResearcher } from '../../app/researcher';
import { useServices } from '../../app/services';
import type { FillSession } from './use-fill-session';

export type LifecycleOutcome =
  | { readonly kind: 'missing'; readonly missing: readonly NodeState[] }
  | { readonly kind: 'message'; readonly message: 'noConsent' | 'notComplete' | 'gone' | 'failed' };

const isLifecycleError = (value: unknown): value is LifecycleError =>
  typeof value === 'object' && value !== null && 'code' in value &&
  (value.code === 'incomplete' || value.code === 'not-complete' || value.code === 'no-consent');

function outcomeOf(error: LifecycleError): LifecycleOutcome {
  switch (error.code) {
    case 'incomplete': return { kind: 'missing', missing: error.missing };
    case 'no-consent': return { kind: 'message', message: 'noConsent' };
    case 'not-complete': return { kind: 'message', message: 'notComplete' };
  }
}

export function useLifecycle(session: FillSession, form: CompiledForm) {
  const { storage } = useServices();
  const [isBusy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<LifecycleOutcome | null>(null);
  const { interview, setInterview, flush, today, noteChange } = session;

  const run = async (step: (current: Interview) => Result<Interview, LifecycleError>) => {
    setBusy(true);
    await flush();
    const { result, refused } = await storage.interviews.transition(interview.id, currentResearcher(), step);
    setBusy(false);
    if (!result.ok) setOutcome({ kind: 'message', message: 'failed' });
    else if (result.value === null) setOutcome({ kind: 'message', message: 'gone' });
    else if (isLifecycleError(refused)) setOutcome(outcomeOf(refused));
    else {
      setOutcome(null);
      setInterview(result.value);
      noteChange();
    }
  };

  return {
    isBusy,
    outcome,
    complete: () => {
      session.showAllErrors();
      void run((current) => completeInterview(current, evaluateForm(form, current.answers, today), new Date()));
    },
    validate: () => { void run((current) => validateInterview(current, currentResearcher(), new Date())); },
    reopen: () => { void run((current) => ok(reopenInterview(current, new Date()))); },
  };
}

export type Lifecycle = ReturnType<typeof useLifecycle>;
