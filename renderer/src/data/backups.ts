/**
 * Automatic backups kept in IndexedDB, for the browser variant (Electron keeps them as files in
 * userData). Same names and same rotation as on disk (core/exchange/backup-rotation.ts); each
 * write and its pruning happen in one transaction.
 */
import { backupFileName, backupsToKeep } from '../../../core/exchange/backup-rotation';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb, StoredBackup } from './db';
import { toStorageError, type StorageError } from './storage-error';

export type { StoredBackup } from './db';

export function createBackupVault(db: MaillageDb, now: () => Date) {
  return {
    async write(bytes: Uint8Array, interviews: number): Promise<Result<StoredBackup, StorageError>> {
      const at = now();
      const backup: StoredBackup = { file: backupFileName(at, interviews), createdAt: at.toISOString(), size: bytes.length, interviews };
      try {
        await db.transaction('rw', [db.backups, db.backupData], async () => {
          await db.backups.put(backup);
          await db.backupData.put({ file: backup.file, bytes });
          const all = await db.backups.toArray();
          const keep = backupsToKeep(all.map((b) => ({ file: b.file, createdAt: Date.parse(b.createdAt) })), at.getTime());
          const pruned = all.filter((b) => !keep.has(b.file)).map((b) => b.file);
          await db.backups.bulkDelete(pruned);
          await db.backupData.bulkDelete(pruned);
        });
        return ok(backup);
      } catch (error) {
        return err(toStorageError(error));
      }
    },

    /** Newest first. */
    async list(): Promise<Result<StoredBackup[], StorageError>> {
      try {
        return ok((await db.backups.orderBy('createdAt').reverse().toArray()).map(({ file, createdAt, size, interviews }) => ({ file, createdAt, size, interviews })));
      } catch (error) {
        return err(toStorageError(error));
      }
    },

    /** The bytes of one backup; `null` when there is no such backup (pruned meanwhile). */
    async read(file: string): Promise<Result<Uint8Array | null, StorageError>> {
      try {
        return ok((await db.backupData.get(file))?.bytes ?? null);
      } catch (error) {
        return err(toStorageError(error));
      }
    },
  };
}

export type BackupVault = ReturnType<typeof createBackupVault>;
