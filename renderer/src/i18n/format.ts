/** Dates and numbers in the interface language, through Intl. */
import { parseIsoDate } from '../../../core/shared/dates';
import type { Language } from '../../../core/shared/language';

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) as the reader expects it: "12 mars 2026", "12 Mar 2026". */
export function formatIsoDate(date: string, language: Language): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(locales[language]).format(value);
}

/** An instant (ISO 8601) as a date and time in the interface language. */
export function formatDateTime(instant: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
