/**
 * IPC domain "backups": the renderer hands over the bundle bytes of the whole dataset; main
 * writes and rotates them in `<userData>/backups`, lists them, and reads one back to restore.
 */
import path from 'node:path';
import { app } from 'electron';
import type { Channel } from '../../bridge-contract';
import { backupsFolderName, listBackups, readBackup, writeBackup } from '../services/backup-store';
import type { Handler } from './handle';

type BackupChannel = Extract<Channel, `backups:${string}`>;
export type BackupHandlers = { readonly [C in BackupChannel]: Handler<C> };

export interface BackupDeps {
  /** Read when first needed, so that tests can redirect it. */
  readonly userData?: () => string;
  readonly now?: () => Date;
}

export function createBackupHandlers(deps: BackupDeps = {}): BackupHandlers {
  const userData = deps.userData ?? (() => app.getPath('userData'));
  const now = deps.now ?? (() => new Date());
  const folder = () => path.join(userData(), backupsFolderName);
  return {
    'backups:write': ({ bytes, interviews }) => writeBackup(folder(), bytes, interviews, now()),
    'backups:list': () => listBackups(folder()),
    'backups:read': ({ file }) => readBackup(folder(), file),
  };
}
