import { describe, expect, it } from 'vitest';
import { addYears, parseIsoDate, toIsoDate } from '../../../core/shared/dates';
import { pickLanguage } from '../../../core/shared/language';

describe('calendar dates', () => {
  it('parses real days only', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
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
