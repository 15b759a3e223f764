/** The app shell: header with navigation and language, then the current screen. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { AboutPanel } from '../features/about/about-panel';
import { FillScreen } from '../features/fill/fill-screen';
import { FormsScreen } from '../features/forms/forms-screen';
import { ConflictsScreen } from '../features/exchange/conflicts-screen';
import { ExchangeScreen } from '../features/exchange/exchange-screen';
import { InterviewEditor } from '../features/interviews/interview-editor';
import { InterviewList } from '../features/interviews/interview-list';
import { LanguageSwitch } from '../features/settings/language-switch';
import { NoticeProvider } from '../ui/notice';
import { SyncConflictsNotice } from '../features/sync/sync-conflicts-notice';
import { routeHref, useRoute, type Route } from './router';

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'interviews': return <InterviewList />;
    case 'new-interview': return <InterviewEditor key="new" id={null} />;
    case 'interview': return <InterviewEditor key={route.id} id={route.id} />;
    case 'fill': return <FillScreen key={route.id} id={route.id} section={route.section} />;
    case 'forms': return <FormsScreen />;
    case 'exchange': return <ExchangeScreen />;
    case 'conflicts': return <ConflictsScreen />;
    case 'about': return <AboutPanel />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const section = route.screen === 'conflicts' ? 'exchange' : route.screen === 'about' || route.screen === 'forms' || route.screen === 'exchange' ? route.screen : 'interviews';
  const mainRef = useRef<HTMLElement>(null);

  // Move focus to the new screen so that keyboard and screen-reader users follow navigation.
  const screenKey = route.screen === 'interview' ? `interview:${route.id}` : route.screen;
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [screenKey]);

  return (
    <NoticeProvider dismissLabel={t('interview.dismiss')}>
      <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('nav.label')} className="app-nav">
          <a href={routeHref({ screen: 'interviews' })} aria-current={section === 'interviews' ? 'page' : undefined}>
            {t('nav.interviews')}
          </a>
          <a href={routeHref({ screen: 'forms' })} aria-current={section === 'forms' ? 'page' : undefined}>
            {t('forms.nav')}
          </a>
          <a href={routeHref({ screen: 'exchange' })} aria-current={section === 'exchange' ? 'page' : undefined}>
            {t('exchange.nav')}
          </a>
          <a href={routeHref({ screen: 'about' })} aria-current={section === 'about' ? 'page' : undefined}>
            {t('nav.about')}
          </a>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Screen route={route} />
      </main>
      <SyncConflictsNotice />
    </NoticeProvider>
  );
}
