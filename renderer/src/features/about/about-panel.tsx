/** Version, where the data lives, whether the browser keeps it, and how to back it up. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../platform';
import { useServices } from '../../app/services';
import type { PersistenceState } from '../../app/persistence';
import { BackupsPanel } from '../backups/backups-panel';
import { useInterviewList } from '../interviews/use-interviews';

type InfoState = { readonly state: 'loading' } | { readonly state: 'ready'; readonly info: AppInfo } | { readonly state: 'error'; readonly message: string };

export function AboutPanel() {
  const { t } = useTranslation();
  const { platform, persistence } = useServices();
  const list = useInterviewList();
  const [info, setInfo] = useState<InfoState>({ state: 'loading' });
  const [persisted, setPersisted] = useState<PersistenceState | null>(null);

  useEffect(() => {
    let isCurrent = true;
    void platform.app.getInfo().then((result) => {
      if (!isCurrent) return;
      setInfo(result.ok ? { state: 'ready', info: result.value } : { state: 'error', message: t(`bridge.${result.error.code}`) });
    });
    void persistence.then((state) => { if (isCurrent) setPersisted(state); });
    return () => { isCurrent = false; };
  }, [platform, persistence, t]);

  const persistenceText = {
    granted: t('about.persistenceGranted'),
    denied: t('about.persistenceDenied'),
    unsupported: t('about.persistenceUnknown'),
  };

  return (
    <section className="about" aria-labelledby="about-title">
      <h1 id="about-title">{t('about.title')}</h1>
      <p>{t('about.summary')}</p>
      {info.state === 'error' && <p role="alert">{t('about.infoError', { message: info.message })}</p>}
      <dl className="facts">
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{info.state === 'ready' ? info.info.version : '…'}</dd>
        <dt>{t('about.shell')}</dt>
        <dd>{info.state === 'ready' ? t(`about.shells.${info.info.shell}`) : '…'}</dd>
        <dt>{t('about.dataLocation')}</dt>
        <dd data-testid="about-data-location">
          {info.state !== 'ready'
            ? '…'
            : info.info.dataLocation.kind === 'folder'
              ? t('about.dataInFolder', { path: info.info.dataLocation.path })
              : t('about.dataInBrowser', { origin: info.info.dataLocation.origin })}
        </dd>
        <dt>{t('about.persistence')}</dt>
        <dd data-testid="about-persistence">{persisted ? persistenceText[persisted] : '…'}</dd>
        <dt>{t('about.storedCount')}</dt>
        <dd>{list.state === 'ready' ? t('interviews.count', { count: list.value.interviews.length }) : '…'}</dd>
      </dl>
      <h2>{t('about.backupTitle')}</h2>
      <p>{t('about.backupBody')}</p>
      <BackupsPanel />
    </section>
  );
}
