/** The backups the platform keeps, newest first, re-read after each new one. */
import { useEffect, useState } from 'react';
import type { BackupInfo, BridgeErrorCode } from '../../platform';
import { useServices } from '../../app/services';
import { useBackground } from '../sync/background-context';

export type BackupList =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly backups: readonly BackupInfo[] }
  | { readonly state: 'error'; readonly code: BridgeErrorCode };

export function useBackupList(): { readonly list: BackupList; readonly reload: () => void } {
  const { platform } = useServices();
  const { backups: scheduler } = useBackground();
  const [list, setList] = useState<BackupList>({ state: 'loading' });
  const [version, setVersion] = useState(0);
  useEffect(() => scheduler.subscribe(() => { setVersion((v) => v + 1); }), [scheduler]);
  useEffect(() => {
    let isCurrent = true;
    void platform.backups.list().then((listed) => {
      if (!isCurrent) return;
      setList(listed.ok ? { state: 'ready', backups: listed.value } : { state: 'error', code: listed.error.code });
    });
    return () => { isCurrent = false; };
  }, [platform, version]);
  return { list, reload: () => { setVersion((v) => v + 1); } };
}
