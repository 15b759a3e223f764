import { describe, expect, it } from 'vitest';
import { addYears, parseIsoDate, toIsoDate } from '../../../core/shared/dates';
import { pickLanguage } from '../../../core/shared/language';

describe('calendar dates', () => {
  it('parses real days only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseIsoDate('2026-04-31')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-00-10')).toBeNull();
    expect(parseIsoDate('2026-01-00')).toBeNull();
  });
  it('knows the days of every month as the calendar does, leap years included', () => {
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    for (let year = 1600; year <= 2500; year++) {
      for (let month = 1; month <= 12; month++) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        expect(parseIsoDate(`${pad(year, 4)}-${pad(month)}-${pad(days)}`)).not.toBeNull();
        expect(parseIsoDate(`${pad(year, 4)}-${pad(month)}-${pad(days + 1)}`)).toBeNull();
      }
    }
  });
  it('adds years, folding 29 February onto 28', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-11-28', 1)).toBe('2027-11-28');
  });
  it('reads the local calendar day of an instant', () => {
    expect(toIsoDate(new Date(2026, 10, 28, 23, 59))).toBe('2026-11-28');
  });
});

describe('pickLanguage', () => {
  it('follows the first preferred language Maillage speaks', () => {
    expect(pickLanguage(['en-US', 'fr-FR'])).toBe('en');
    expect(pickLanguage(['de-DE', 'fr-CA'])).toBe('fr');
    expect(pickLanguage(['en_GB'])).toBe('en');
  });
  it('falls back to French when neither is preferred', () => {
    expect(pickLanguage(['de-DE', 'es'])).toBe('fr');
    expect(pickLanguage([])).toBe('fr');
  });
});
