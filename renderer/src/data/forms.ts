/** Forms installed by the researcher (the built-in ones ship with the app and are not stored). */
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb, StoredForm } from './db';
import { toStorageError, type StorageError } from './storage-error';

export function createFormRepository(db: MaillageDb) {
  return {
    async list(): Promise<Result<readonly StoredForm[], StorageError>> {
      try {
        return ok(await db.forms.toArray());
      } catch (error) {
        return err(toStorageError(error));
      }
    },
    async get(key: string): Promise<Result<StoredForm | null, StorageError>> {
      try {
        return ok((await db.forms.get(key)) ?? null);
      } catch (error) {
        return err(toStorageError(error));
      }
    },
    /** Installs a checked form; an existing version is never replaced (interviews rely on it). */
    async install(form: StoredForm): Promise<Result<'installed' | 'already-installed', StorageError>> {
      try {
        return ok(await db.transaction('rw', db.forms, async () => {
          if (await db.forms.get(form.key)) return 'already-installed' as const;
          await db.forms.add(form);
          return 'installed' as const;
        }));
      } catch (error) {
        return err(toStorageError(error));
      }
    },
  };
}

export type FormRepository = ReturnType<typeof createFormRepository>;
