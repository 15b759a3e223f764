/**
 * Withdrawal of consent. The information sheet promises that a respondent who withdraws has the
 * interview's content erased: every answer of the sections locked behind consent goes; the
 * consent section itself stays, as the record of the withdrawal. The cover (who, when, where)
 * stays so that the researcher knows which interview it was; deleting it is a separate choice.
 */
import type { Answers } from '../forms/answers';
import type { CompiledForm } from '../forms/model';
import type { Interview } from './interview';

/** True when changing `question` to `value` would withdraw a consent that was given. */
export function isConsentWithdrawal(form: CompiledForm, answers: Answers, question: string, value: unknown): boolean {
  const consent = form.definition.consent;
  if (!consent || consent.question !== question) return false;
  return answers[question] === consent.value && value !== consent.value;
}

/** The answers that withdrawal would erase (those of the sections locked behind consent). */
export function erasedByWithdrawal(form: CompiledForm, answers: Answers): string[] {
  return Object.keys(answers).filter((name) => {
    const node = form.nodes.get(name);
    return node !== undefined && form.consentLocked.has(node.section);
  });
}

export function withdrawConsent(interview: Interview, form: CompiledForm, newValue: string | undefined): Interview {
  const erased = new Set(erasedByWithdrawal(form, interview.answers));
  const question = form.definition.consent?.question;
  const kept = Object.fromEntries(Object.entries(interview.answers).filter(([name]) => !erased.has(name) && name !== question));
  return { ...interview, answers: question !== undefined && newValue !== undefined ? { ...kept, [question]: newValue } : kept, status: 'draft' };
}
