/** React's view of the sync service: its snapshot, and the devices it has heard from. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { KnownDevice } from '../../data';
import { useServices } from '../../app/services';
import { useBackground } from './background-context';
import type { SyncSnapshot } from './sync-state';

export function useSyncSnapshot(): SyncSnapshot {
  const { sync } = useBackground();
  return useSyncExternalStore(sync.state.subscribe, sync.state.get);
}

/** Other computers heard from, re-read after each merge; this computer is left out. */
export function useKnownDevices(revision: number): readonly KnownDevice[] {
  const { storage } = useServices();
  const [devices, setDevices] = useState<readonly KnownDevice[]>([]);
  useEffect(() => {
    let isCurrent = true;
    void Promise.all([storage.devices.list(), storage.exchange.deviceId()]).then(([listed, own]) => {
      if (isCurrent && listed.ok) setDevices(listed.value.filter((d) => d.id !== own));
    });
    return () => { isCurrent = false; };
  }, [storage, revision]);
  return devices;
}
