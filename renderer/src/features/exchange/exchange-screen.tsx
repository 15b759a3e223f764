/** Sharing with the team: the shared folder, import a colleague's bundle, export one's own, export tables for analysis. */
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { SyncPanel } from '../sync/sync-panel';
import { AnalysisPanel } from './analysis-panel';
import { ExportPanel } from './export-panel';
import { ImportPanel } from './import-panel';

export function ExchangeScreen() {
  const { t } = useTranslation();
  return (
    <section className="exchange" aria-labelledby="exchange-title">
      <h1 id="exchange-title">{t('exchange.title')}</h1>
      <p>{t('exchange.intro')}</p>
      <p><a href={routeHref({ screen: 'conflicts' })}>{t('conflicts.title')}</a></p>
      <SyncPanel />
      <ImportPanel />
      <ExportPanel />
      <AnalysisPanel />
    </section>
  );
}
