/** Turns the core's problem codes and storage errors into sentences in the interface language. */
import type { TFunction } from 'i18next';
import type { FieldProblem } from '../../../../core/records/interview';
import { isLanguage } from '../../../../core/shared/language';
import type { StorageError } from '../../data';
import { formatIsoDate } from '../../i18n/format';

export function problemMessage(t: TFunction, language: string, problem: FieldProblem): string {
  const lang = isLanguage(language) ? language : 'fr';
  switch (problem.code) {
    case 'required': return t('problems.required');
    case 'blank': return t('problems.blank');
    case 'too-long': return t('problems.too-long', { max: problem.max });
    case 'invalid-date': return t('problems.invalid-date');
    case 'date-too-far': return t('problems.date-too-far', { date: formatIsoDate(problem.latest, lang) });
    case 'date-too-early': return t('problems.date-too-early', { date: formatIsoDate(problem.earliest, lang) });
    case 'invalid-choice': return t('problems.invalid-choice');
  }
}

export function storageMessage(t: TFunction, error: StorageError): string {
  return t(`storage.${error.code}`, { detail: error.detail });
}
