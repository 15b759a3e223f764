/** "Restore from a backup": the automatic backups, each restorable by merging or by replacement. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../../core/shared/language';
import type { BackupInfo } from '../../platform';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useBackupList } from './use-backups';
import { useRestore } from './use-restore';

export const backupsPanelId = 'backups';

export function BackupsPanel() {
  const { t, i18n } = useTranslation();
  const { list } = useBackupList();
  const { state, previewMerge, confirmMerge, replace, reset } = useRestore();
  const [asking, setAsking] = useState<BackupInfo | null>(null);
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const date = (backup: BackupInfo) => formatDateTime(backup.createdAt, language);
  const isBusy = state.step === 'reading' || state.step === 'applying';

  return (
    <section className="panel backups-panel" id={backupsPanelId} aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p>{t('backups.intro')}</p>
      {list.state === 'loading' && <p>{t('backups.loading')}</p>}
      {list.state === 'error' && <p role="alert">{t('backups.listError', { reason: t(`bridge.${list.code}`) })}</p>}
      {list.state === 'ready' && list.backups.length === 0 && <p className="empty-state">{t('backups.none')}</p>}
      {list.state === 'ready' && list.backups.length > 0 && (
        <table className="backups-table" aria-label={t('backups.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('backups.columns.date')}</th>
              <th scope="col">{t('backups.columns.interviews')}</th>
              <th scope="col">{t('backups.columns.size')}</th>
              <th scope="col">{t('backups.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.backups.map((backup) => (
              <tr key={backup.file} data-testid="backup-row">
                <th scope="row">{date(backup)}</th>
                <td>{t('backups.count', { count: backup.interviews })}</td>
                <td>{t('backups.size', { size: formatNumber(Math.max(1, Math.round(backup.size / 1024)), language) })}</td>
                <td className="backup-actions">
                  <button type="button" disabled={isBusy} onClick={() => { void previewMerge(backup); }}>{t('backups.merge')}</button>
                  <button type="button" className="danger" disabled={isBusy} onClick={() => { setAsking(backup); }}>{t('backups.replace')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div aria-live="polite" aria-busy={isBusy}>
        {state.step === 'reading' && <p>{t('backups.reading', { date: date(state.backup) })}</p>}
        {state.step === 'applying' && <p>{t('backups.applying')}</p>}
        {state.step === 'done' && <p role="status">{t(state.kind === 'merged' ? 'backups.merged' : 'backups.replaced', { count: state.count })}</p>}
      </div>
      {state.step === 'failed' && <p role="alert" className="form-summary">{t('backups.failed', { reason: state.reason })}</p>}
      {state.step === 'preview' && (
        <div className="import-preview">
          <h3>{t('backups.previewTitle', { date: date(state.backup) })}</h3>
          <p>{t('backups.previewBody', { ...state.preview.interviews })}</p>
          <div className="form-actions">
            <button type="button" className="primary" onClick={() => { void confirmMerge(); }}>{t('backups.confirmMerge')}</button>
            <button type="button" onClick={reset}>{t('backups.cancel')}</button>
          </div>
        </div>
      )}
      <ConfirmDialog
        open={asking !== null}
        title={t('backups.confirmReplace.title')}
        body={asking ? t('backups.confirmReplace.body', { date: date(asking), count: t('backups.count', { count: asking.interviews }) }) : ''}
        confirmLabel={t('backups.confirmReplace.confirm')}
        cancelLabel={t('backups.confirmReplace.cancel')}
        onConfirm={() => {
          const backup = asking;
          setAsking(null);
          if (backup) void replace(backup);
        }}
        onCancel={() => { setAsking(null); }}
      />
    </section>
  );
}
