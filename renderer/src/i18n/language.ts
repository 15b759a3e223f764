/**
 * Which language the interface speaks: the one the researcher chose, remembered on this
 * computer; at first start the system's (French when it is neither French nor English).
 * A stored value that is not a known language is ignored and replaced, never trusted.
 */
import { isLanguage, pickLanguage, type Language } from '../../../core/shared/language';

export const languageStorageKey = 'maillage.language';

type KeyValueStore = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function readStoredLanguage(store: KeyValueStore): Language | null {
  try {
    const value = store.getItem(languageStorageKey);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberLanguage(store: KeyValueStore, language: Language): void {
  try {
    store.setItem(languageStorageKey, language);
  } catch {
    // Storage may be full or disabled: the choice then lasts for this session only.
  }
}

export function initialLanguage(store: KeyValueStore, systemLanguages: readonly string[]): Language {
  const stored = readStoredLanguage(store);
  if (stored) return stored;
  const detected = pickLanguage(systemLanguages);
  rememberLanguage(store, detected);
  return detected;
}
