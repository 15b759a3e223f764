// Keys are typed from the French catalogue: a key missing from it does not compile, and a test
// checks that the English catalogue has exactly the same keys.
import 'i18next';
import type fr from './locales/fr.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}
