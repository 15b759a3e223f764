/**
 * Start-up: choose the language, open the database, ask for persistent storage, start the
 * background work (shared-folder sync, backups), then render.
 */
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
import { isLanguage } from '../../core/shared/language';
import { startBackground } from './features/sync/background';
import { BackgroundProvider } from './features/sync/background-context';
import { readTimings } from './features/sync/timings';
import './styles.css';

async function start(): Promise<void> {
  const language = initialLanguage(window.localStorage, navigator.languages);
  document.documentElement.lang = language;
  const i18n = await createI18n(language);
  const storage = openStorage();
  const platform = getPlatform({ syncFolder: storage.syncFolder, backups: storage.backups });
  void platform.app.setLanguage({ language });
  const background = startBackground({
    storage,
    platform,
    language: () => (isLanguage(i18n.language) ? i18n.language : language),
    timings: readTimings(window.location.search),
  });
  const persistence = requestPersistence(navigator.storage);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ServicesProvider services={{ storage, platform, persistence }}>
          <BackgroundProvider background={background}>
            <App />
          </BackgroundProvider>
        </ServicesProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

void start();
