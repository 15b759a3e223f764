/**
 * The interview's summary (the list's columns) and the form's answers say the same things: the
 * form's `summary` mapping names which answer fills which column. The cover screen writes both;
 * an answer to a mapped question updates its column in the same save.
 */
import { answerAsValue, type Answers } from '../forms/answers';
import { toText } from '../forms/expressions/values';
import type { FormDefinition, SummaryField } from '../forms/schema';
import type { InterviewFields } from './interview';

export type SummaryColumns = Partial<Pick<InterviewFields, Exclude<SummaryField, 'territory'>> & { territory: string }>;

/** The columns that the given answers fill. */
export function summaryFromAnswers(form: FormDefinition, answers: Answers): SummaryColumns {
  const columns: Record<string, string> = {};
  for (const [field, name] of Object.entries(form.summary ?? {})) {
    if (name !== undefined) columns[field] = toText(answerAsValue(answers[name])).trim();
  }
  return columns;
}

/** The answers that cover fields fill, for a new interview or an edited cover. */
export function answersFromSummary(form: FormDefinition, columns: SummaryColumns, answers: Answers = {}): Answers {
  let next: Answers = answers;
  for (const [field, name] of Object.entries(form.summary ?? {})) {
    const value = columns[field as SummaryField];
    if (name === undefined || value === undefined) continue;
    const { [name]: _previous, ...rest } = next;
    next = value === '' ? rest : { ...rest, [name]: value };
  }
  return next;
}

/** Which summary column an answer fills, if any. */
export function summaryFieldOf(form: FormDefinition, questionName: string): SummaryField | undefined {
  const entry = Object.entries(form.summary ?? {}).find(([, name]) => name === questionName);
  return entry ? (entry[0] as SummaryField) : undefined;
}
