/**
 * Calendar dates as researchers write them (YYYY-MM-DD, no time zone): an interview happens on a
 * day in the commune where it took place, whatever the laptop's clock says about UTC.
 */
export type IsoDate = string;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD and checks that the day exists (no 31 February). */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = isoDatePattern.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the (proleptic) Gregorian calendar, without making a Date: exports check every date answer. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return monthDays[month - 1] ?? 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function toIsoDate(instant: Date): IsoDate {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(instant.getFullYear(), 4)}-${pad(instant.getMonth() + 1)}-${pad(instant.getDate())}`;
}

/** The same calendar date `years` later (29 February falls back to 28). */
export function addYears(date: IsoDate, years: number): IsoDate {
  const parts = parseIsoDate(date);
  if (!parts) return date;
  const year = parts.year + years;
  const lastDay = daysInMonth(year, parts.month);
  const day = Math.min(parts.day, lastDay);
  return `${String(year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
