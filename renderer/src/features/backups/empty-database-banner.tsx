/**
 * Shown on an empty interview list when backups exist — after a reinstall, a cleared browser
 * profile or a wiped database — so that the researcher learns at once that their work can come
 * back, instead of facing a bare "no interviews yet".
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../../../../core/shared/language';
import type { BackupInfo } from '../../platform';
import { routeHref } from '../../app/router';
import { useServices } from '../../app/services';
import { formatDateTime } from '../../i18n/format';

/** The backups there are, read once; null while reading or when there are none. */
export function useBackupsOffer(): readonly BackupInfo[] | null {
  const { platform } = useServices();
  const [backups, setBackups] = useState<readonly BackupInfo[] | null>(null);
  useEffect(() => {
    let isCurrent = true;
    void platform.backups.list().then((listed) => {
      if (isCurrent && listed.ok && listed.value.length > 0) setBackups(listed.value);
    });
    return () => { isCurrent = false; };
  }, [platform]);
  return backups;
}

/** Render it only where the list is empty. */
export function EmptyDatabaseBanner() {
  const { t, i18n } = useTranslation();
  const backups = useBackupsOffer();
  const newest = backups?.[0];
  if (!backups || !newest) return null;
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  return (
    <div className="restore-banner" role="status">
      <p>
        {t('backups.emptyBanner', { count: backups.length, date: formatDateTime(newest.createdAt, language) })}{' '}
        <a href={routeHref({ screen: 'about' })}>{t('backups.emptyBannerLink')}</a>
      </p>
    </div>
  );
}
