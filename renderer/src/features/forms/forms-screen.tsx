/**
 * "Formulaires / Forms": which forms this computer can fill in, and installing a new one from a
 * .json file. Nothing is installed unless the file loads without a problem; a built-in or
 * already installed version is never replaced (see install-form.ts).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../../../../core/shared/language';
import { useServices } from '../../app/services';
import { useNotice } from '../../ui/notice';
import { BuiltInFormsTable, InstalledFormsTable } from './form-tables';
import { InstallFailureMessage, type InstallFailure } from './install-failure';
import { installFormFile } from './install-form';
import { useFormCatalogue } from './use-form-catalogue';

export function FormsScreen() {
  const { t, i18n } = useTranslation();
  const language: Language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const { storage, platform } = useServices();
  const notice = useNotice();
  const { catalogue, reload } = useFormCatalogue();
  const [isInstalling, setIsInstalling] = useState(false);
  const [failure, setFailure] = useState<InstallFailure | null>(null);

  const install = async () => {
    setFailure(null);
    notice.clear();
    // The dialog may be dismissed without any event in some browsers: the button stays usable.
    const opened = await platform.files.openFile({ filters: [{ name: t('forms.fileFilter'), extensions: ['json'] }] });
    if (!opened.ok) {
      setFailure({ kind: 'open-error', code: opened.error.code });
      return;
    }
    if (opened.value.status !== 'opened') return;
    setIsInstalling(true);
    const outcome = await installFormFile(storage.forms, opened.value, () => new Date());
    setIsInstalling(false);
    if (outcome.kind === 'installed') {
      notice.show({
        kind: 'success',
        text: t('forms.installed', { title: outcome.title[language], version: outcome.version, fileName: outcome.fileName }),
      });
      reload();
    } else {
      setFailure(outcome);
    }
  };

  return (
    <section className="forms-screen" aria-labelledby="forms-title" data-ready={catalogue.state === 'ready'}>
      <h1 id="forms-title">{t('forms.title')}</h1>
      <p className="intro">{t('forms.intro')}</p>

      <div className="install-form">
        <button type="button" className="primary" onClick={() => { void install(); }} disabled={isInstalling} aria-describedby="install-hint">
          {isInstalling ? t('forms.installing') : t('forms.install')}
        </button>
        <p id="install-hint" className="field-hint">{t('forms.installHint')}</p>
      </div>
      {failure && <InstallFailureMessage failure={failure} language={language} />}

      {catalogue.state === 'loading' && <p>{t('app.loading')}</p>}
      {catalogue.state === 'error' && <p role="alert">{t('forms.listError', { detail: catalogue.error.detail })}</p>}
      {catalogue.state === 'ready' && (
        <>
          <h2 id="forms-built-in">{t('forms.builtInTitle')}</h2>
          <BuiltInFormsTable entries={catalogue.builtIn} language={language} labelledBy="forms-built-in" testId="built-in-forms" />
          <h2 id="forms-installed">{t('forms.installedTitle')}</h2>
          <InstalledFormsTable entries={catalogue.installed} language={language} labelledBy="forms-installed" testId="installed-forms" />
        </>
      )}
    </section>
  );
}
