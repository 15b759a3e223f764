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
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return { year, month, day };
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
  const lastDay = new Date(Date.UTC(year, parts.month, 0)).getUTCDate();
  const day = Math.min(parts.day, lastDay);
  return `${String(year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
