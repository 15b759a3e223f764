/** React's view of the sync service: its snapshot, and the devices it has heard from. */
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useServices } from '../../app/services';
import { useBackground } from './background-context';
import type { SyncSnapshot } from './sync-state';
import { teamComputers, type TeamComputer } from './team-computers';

export function useSyncSnapshot(): SyncSnapshot {
  const { sync } = useBackground();
  return useSyncExternalStore(sync.state.subscribe, sync.state.get);
}

/** The team's computers (see team-computers.ts), re-read after each merge and each import; this computer is left out. */
export function useKnownDevices(revision: number): readonly TeamComputer[] {
  const { storage } = useServices();
  const [devices, setDevices] = useState<readonly TeamComputer[]>([]);
  const [changes, setChanges] = useState(0);
  useEffect(() => storage.devices.subscribe(() => { setChanges((n) => n + 1); }), [storage]);
  useEffect(() => {
    let isCurrent = true;
    void Promise.all([storage.devices.list(), storage.devices.names(), storage.exchange.deviceId()]).then(([listed, named, own]) => {
      if (isCurrent && listed.ok) setDevices(teamComputers(listed.value, named.ok ? named.value : new Map(), own));
    });
    return () => { isCurrent = false; };
  }, [storage, revision, changes]);
  return devices;
}
