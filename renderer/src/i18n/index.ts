/** i18next for the renderer: French and English catalogues, bundled (the app is offline). */
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../../core/shared/language';
import en from './locales/en.json';
import fr from './locales/fr.json';

export const resources = { fr: { translation: fr }, en: { translation: en } } as const;

export async function createI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'fr',
    supportedLngs: ['fr', 'en'],
    // React escapes what it renders; escaping twice would show &amp; to the user.
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
