/** Dates and numbers in the interface language, through Intl. */
import { parseIsoDate } from '../../../core/shared/dates';
import type { Language } from '../../../core/shared/language';

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

/**
 * One formatter per language and kind, made on first use: making an Intl formatter costs far
 * more than using one (a list of twenty dates made its own twenty took about 20 ms to render).
 */
function cached<F>(make: (locale: string) => F): (language: Language) => F {
  const made = new Map<Language, F>();
  return (language) => {
    let format = made.get(language);
    if (!format) {
      format = make(locales[language]);
      made.set(language, format);
    }
    return format;
  };
}

const dateFormat = cached((locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
const dateTimeFormats = cached(() => new Map<number, Intl.DateTimeFormat>());
/** In the computer's time zone as it is now: a researcher who travels with the app open sees local times (keyed by the zone's offset). */
function dateTimeFormat(language: Language): Intl.DateTimeFormat {
  const offset = new Date().getTimezoneOffset();
  const made = dateTimeFormats(language);
  let format = made.get(offset);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], { dateStyle: 'medium', timeStyle: 'short' });
    made.set(offset, format);
  }
  return format;
}
const numberFormat = cached((locale) => new Intl.NumberFormat(locale));

/** A calendar date (YYYY-MM-DD) as the reader expects it: "12 mars 2026", "12 Mar 2026". */
export function formatIsoDate(date: string, language: Language): string {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  return dateFormat(language).format(new Date(Date.UTC(parts.year, parts.month - 1, parts.day)));
}

export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value);
}

/** An instant (ISO 8601) as a date and time in the interface language. */
export function formatDateTime(instant: string, language: Language): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return dateTimeFormat(language).format(date);
}
