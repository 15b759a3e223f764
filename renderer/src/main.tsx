/** Start-up: choose the language, open the database, ask for persistent storage, then render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/app';
import { ServicesProvider } from './app/services';
import { openStorage } from './data';
import { createI18n } from './i18n';
import { initialLanguage } from './i18n/language';
import { getPlatform } from './platform';
import { requestPersistence } from './app/persistence';
import './styles.css';

async function start(): Promise<void> {
  const language = initialLanguage(window.localStorage, navigator.languages);
  document.documentElement.lang = language;
  const i18n = await createI18n(language);
  const platform = getPlatform();
  void platform.app.setLanguage({ language });
  const storage = openStorage();
  const persistence = requestPersistence(navigator.storage);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={{ storage, platform, persistence }}>
          <App />
        </ServicesProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
