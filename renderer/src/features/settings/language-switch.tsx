/** Switches the interface language at once, remembers it, and tells the desktop menu. */
import { useTranslation } from 'react-i18next';
import { isLanguage, languages, type Language } from '../../../../core/shared/language';
import { useServices } from '../../app/services';
import { rememberLanguage } from '../../i18n/language';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const current: Language = isLanguage(i18n.language) ? i18n.language : 'fr';

  const change = (language: Language) => {
    rememberLanguage(window.localStorage, language);
    document.documentElement.lang = language;
    void i18n.changeLanguage(language);
    void platform.app.setLanguage({ language });
  };

  return (
    <label className="language-switch">
      <span>{t('language.label')}</span>
      <select
        value={current}
        onChange={(event) => { if (isLanguage(event.target.value)) change(event.target.value); }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
