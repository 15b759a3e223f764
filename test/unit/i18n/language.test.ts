import { describe, expect, it } from 'vitest';
import { initialLanguage, languageStorageKey, readStoredLanguage } from '../../../renderer/src/i18n/language';

function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => { data.set(key, value); },
  };
}

describe('interface language', () => {
  it('follows the system at first start and remembers it', () => {
    const store = memoryStore();
    expect(initialLanguage(store, ['en-GB', 'fr'])).toBe('en');
    expect(store.data.get(languageStorageKey)).toBe('en');
  });

  it('defaults to French when the system speaks neither', () => {
    expect(initialLanguage(memoryStore(), ['de-AT'])).toBe('fr');
  });

  it('keeps the researcher’s choice over the system', () => {
    expect(initialLanguage(memoryStore({ [languageStorageKey]: 'fr' }), ['en-US'])).toBe('fr');
  });

  it('ignores and replaces a corrupt stored setting', () => {
    const store = memoryStore({ [languageStorageKey]: '{"lang":"klingon"' });
    expect(readStoredLanguage(store)).toBeNull();
    expect(initialLanguage(store, ['en-US'])).toBe('en');
    expect(store.data.get(languageStorageKey)).toBe('en');
  });

  it('survives storage that throws (disabled or full)', () => {
    const broken = {
      getItem: () => { throw new DOMException('denied', 'SecurityError'); },
      setItem: () => { throw new DOMException('full', 'QuotaExceededError'); },
    };
    expect(initialLanguage(broken, ['en'])).toBe('en');
  });
});
