/**
 * The browser variant's shared folder: the directory handle the researcher picked, kept in
 * `meta` so that the choice survives a restart (the browser asks again for access, not for the
 * folder). Handles are structured-cloneable; anything else — or a failing store — is reported,
 * and the caller keeps the handle in memory for the session.
 */
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb } from './db';
import { toStorageError, type StorageError } from './storage-error';

const key = 'syncFolderHandle';

export function createSyncFolderHandleStore(db: MaillageDb) {
  return {
    async load(): Promise<Result<unknown, StorageError>> {
      try {
        return ok((await db.meta.get(key))?.value ?? null);
      } catch (error) {
        return err(toStorageError(error));
      }
    },
    /** `null` forgets the folder. */
    async save(handle: unknown): Promise<Result<null, StorageError>> {
      try {
        if (handle === null) await db.meta.delete(key);
        else await db.meta.put({ key, value: handle });
        return ok(null);
      } catch (error) {
        return err(toStorageError(error));
      }
    },
  };
}

export type SyncFolderHandleStore = ReturnType<typeof createSyncFolderHandleStore>;
