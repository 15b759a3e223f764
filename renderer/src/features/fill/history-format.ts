/** Edit-history entries as a reader wants them: question labels, choice labels, dates in their language. */
import type { TFunction } from 'i18next';
import { isLongTextAnswer, isStringList, likertCodes, type Answers } from '../../../../core/forms/answers';
import type { CompiledForm, FormNode } from '../../../../core/forms/model';
import { interviewFieldNames, interviewStatuses } from '../../../../core/records/interview';
import type { Language } from '../../../../core/shared/language';
import { likertName } from './likert';
import { formatPlainNumber } from './numbers';
import { nodeOfPath, pathLabel, repeatQuestion } from './labels';

/** An ISO instant as "12 mars 2026, 14:30" / "12 Mar 2026, 14:30" (one formatter for every screen). */
export { formatDateTime as formatInstant } from '../../i18n/format';

const repeatItemPattern = /^([A-Za-z_][A-Za-z0-9_]*)\[([A-Za-z0-9-]{1,64})\]$/;

export type HistoryField =
  | { readonly kind: 'answer'; readonly label: string; readonly node: FormNode | undefined }
  | { readonly kind: 'item'; readonly label: string }
  | { readonly kind: 'status' }
  | { readonly kind: 'other'; readonly label: string };

export function describeField(t: TFunction, form: CompiledForm, answers: Answers, field: string, lang: Language): HistoryField {
  if (field === 'status') return { kind: 'status' };
  const summary = interviewFieldNames.find((name) => field === `summary.${name}`);
  if (summary) return { kind: 'other', label: t(`interview.fields.${summary}`) };
  const item = repeatItemPattern.exec(field);
  if (item?.[1]) return { kind: 'item', label: repeatQuestion(form, item[1])?.label[lang] ?? item[1] };
  const node = nodeOfPath(form, field);
  return node ? { kind: 'answer', label: pathLabel(form, answers, field, lang), node } : { kind: 'other', label: field };
}

function choiceLabel(node: FormNode | undefined, code: string, t: TFunction, lang: Language): string {
  const choice = node?.choices?.find((c) => c.value === code);
  if (choice) return choice.label[lang];
  if ((node?.kind === 'likert5' || node?.kind === 'matrix-item')) {
    const likert = likertCodes.find((c) => c === code);
    if (likert) return likertName(t, likert);
  }
  return code;
}

/** A stored value in words; an empty one as "(empty)". */
export function describeValue(t: TFunction, field: HistoryField, value: unknown, lang: Language): string {
  if (value === undefined || value === null || value === '') return t('fill.history.emptyValue');
  if (field.kind === 'status') {
    const status = interviewStatuses.find((s) => s === value);
    return status ? t(`lifecycle.status.${status}`) : JSON.stringify(value);
  }
  const node = field.kind === 'answer' ? field.node : undefined;
  if (typeof value === 'number') return formatPlainNumber(value, lang);
  if (typeof value === 'string') return choiceLabel(node, value, t, lang);
  if (isStringList(value)) return value.map((code) => choiceLabel(node, code, t, lang)).join(', ');
  if (isLongTextAnswer(value)) return value.translation ? `${value.text} [${value.translation.lang}] ${value.translation.text}` : value.text;
  return JSON.stringify(value);
}

/** Before and after, in words; adding or removing a repeat item reads "added" / "removed". */
export function describeChange(t: TFunction, field: HistoryField, oldValue: unknown, newValue: unknown, lang: Language): { before: string; after: string } {
  if (field.kind === 'item') {
    return { before: t('fill.history.emptyValue'), after: t(newValue === null ? 'fill.history.itemRemoved' : 'fill.history.itemAdded') };
  }
  return { before: describeValue(t, field, oldValue, lang), after: describeValue(t, field, newValue, lang) };
}
