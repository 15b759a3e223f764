/**
 * The Sharing screen's sync panel: the shared folder (or how to share by hand where there can be
 * none), what this computer last sent and read, the team's computers, and the files set aside.
 */
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { isLanguage } from '../../../../core/shared/language';
import { formatDateTime } from '../../i18n/format';
import { useBackground } from './background-context';
import { SyncDevices } from './sync-devices';
import type { SetAside } from './sync-state';
import { useKnownDevices, useSyncSnapshot } from './use-sync';

function SetAsideList({ files }: { files: readonly SetAside[] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <div className="sync-set-aside" role="alert">
      <h3>{t('sync.setAsideTitle')}</h3>
      <ul>
        {files.map(({ fileName, problem }) => (
          <li key={fileName}>
            {problem.kind === 'refused' ? t('sync.setAside.refused', { file: fileName, reason: problem.reason }) : t(`sync.setAside.${problem.kind}`, { file: fileName })}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SyncPanel() {
  const { t, i18n } = useTranslation();
  const { sync } = useBackground();
  const snapshot = useSyncSnapshot();
  const devices = useKnownDevices(snapshot.revision);
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const when = (instant: string | null) => (instant === null ? t('sync.never') : formatDateTime(instant, language));
  const { mode, folder, isBusy } = snapshot;

  return (
    <section className="panel sync-panel" aria-labelledby="sync-title" data-sync-mode={mode}>
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p>{t('sync.intro')}</p>
      {mode === 'starting' && <p>{t('sync.starting')}</p>}
      {mode === 'manual' && <p className="sync-manual">{t('sync.manual')}</p>}
      {mode === 'none' && <p>{t('sync.noFolder')}</p>}
      {mode === 'needs-permission' && <p>{t('sync.needsPermission', { folder })}</p>}
      {mode === 'active' && (
        <dl className="facts sync-facts">
          <dt>{t('sync.folder')}</dt>
          <dd data-testid="sync-folder">{folder}</dd>
          <dt>{t('sync.lastWrite')}</dt>
          <dd data-testid="sync-last-write">{when(snapshot.lastWrite)}</dd>
          <dt>{t('sync.lastCheck')}</dt>
          <dd>{when(snapshot.lastCheck)}</dd>
        </dl>
      )}
      {snapshot.problem !== null && mode !== 'manual' && <p role="alert" className="form-summary">{t(`sync.problems.${snapshot.problem}`)}</p>}
      {snapshot.newConflicts > 0 && (
        <p className="warning" data-testid="sync-conflicts">
          {t('exchange.conflictsFound', { count: snapshot.newConflicts })} <a href={routeHref({ screen: 'conflicts' })}>{t('exchange.seeConflicts')}</a>
        </p>
      )}
      <div className="form-actions">
        {mode === 'needs-permission' && (
          <button type="button" className="primary" onClick={() => { void sync.chooseFolder(true); }}>{t('sync.regrant')}</button>
        )}
        {(mode === 'none' || mode === 'active' || mode === 'needs-permission') && (
          <button type="button" className={mode === 'none' ? 'primary' : ''} onClick={() => { void sync.chooseFolder(); }}>
            {mode === 'none' ? t('sync.choose') : t('sync.change')}
          </button>
        )}
        {mode === 'active' && (
          <button type="button" disabled={isBusy} onClick={() => { void sync.syncNow(); }}>{t('sync.syncNow')}</button>
        )}
        {(mode === 'active' || mode === 'needs-permission') && (
          <button type="button" onClick={() => { void sync.forgetFolder(); }}>{t('sync.forget')}</button>
        )}
      </div>
      <p className="sync-busy">{isBusy ? t('sync.busy') : ''}</p>
      <SetAsideList files={snapshot.setAside} />
      {mode !== 'starting' && <SyncDevices devices={devices} when={when} />}
    </section>
  );
}
