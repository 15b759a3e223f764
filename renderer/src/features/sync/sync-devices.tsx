/** The team's computers this one has heard from, with their latest bundle and our last import (see team-computers.ts). */
import { useTranslation } from 'react-i18next';
import type { TeamComputer } from './team-computers';

export function SyncDevices({ devices, when }: { devices: readonly TeamComputer[]; when: (instant: string) => string }) {
  const { t } = useTranslation();
  return (
    <>
      <h3 id="sync-devices-title">{t('sync.devicesTitle')}</h3>
      {devices.length === 0 ? (
        <p className="empty-state">{t('sync.noDevices')}</p>
      ) : (
        <table className="sync-devices" aria-labelledby="sync-devices-title">
          <thead>
            <tr>
              <th scope="col">{t('sync.columns.device')}</th>
              <th scope="col">{t('sync.columns.researcher')}</th>
              <th scope="col">{t('sync.columns.exportedAt')}</th>
              <th scope="col">{t('sync.columns.importedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id}>
                <th scope="row">{device.name}</th>
                <td>{device.researcher || '—'}</td>
                <td>{when(device.exportedAt)}</td>
                <td>{device.importedAt === null ? t('sync.throughOthers') : when(device.importedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
