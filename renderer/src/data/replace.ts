/**
 * Restoring a backup as a full replacement: this computer's interviews, answers, deletions and
 * edit history are cleared, then the backup is applied — in ONE transaction, so a failure
 * anywhere leaves the database exactly as it was. Forms and this device's identity stay.
 *
 * The apply step is the import's (./exchange.ts), run inside this transaction: Dexie makes it a
 * sub-transaction of this one, so its writes commit or roll back with the clearing.
 */
import type { Dataset } from '../../../core/exchange/bundle/dataset';
import type { FormRecord } from '../../../core/exchange/bundle/schema';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb } from './db';
import { replacementsKey } from './meta-keys';
import { applyImport, type ImportResult } from './exchange';
import { toStorageError, type StorageError } from './storage-error';

/** Carries the import's own failure out of the transaction, which it aborts on the way. */
class ReplaceAborted extends Error {
  constructor(readonly storageError: StorageError) {
    super(storageError.detail);
  }
}

export async function replaceAll(
  db: MaillageDb,
  now: () => number,
  incoming: Dataset,
  formIsValid: (record: FormRecord) => boolean,
): Promise<Result<ImportResult, StorageError>> {
  try {
    return ok(await db.transaction('rw', [db.interviews, db.interviewData, db.tombstones, db.history, db.forms, db.meta], async () => {
      await db.interviews.clear();
      await db.interviewData.clear();
      await db.tombstones.clear();
      await db.history.clear();
      const replacements = (await db.meta.get(replacementsKey))?.value;
      await db.meta.put({ key: replacementsKey, value: (typeof replacements === 'number' ? replacements : 0) + 1 });
      const applied = await applyImport(db, now, incoming, formIsValid);
      if (!applied.ok) throw new ReplaceAborted(applied.error);
      return applied.value;
    }));
  } catch (error) {
    return err(error instanceof ReplaceAborted ? error.storageError : toStorageError(error));
  }
}
