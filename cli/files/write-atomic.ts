/**
 * Writes a file so that readers never see half of it: the bytes go to a temporary file in the
 * same folder (same disk, so the rename is atomic), which then replaces the target. On failure
 * the temporary file is removed and the target is left as it was.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile, rename } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { err, ok, type Result } from '../../core/shared/result';

export type WriteError =
  | { readonly kind: 'no-folder' }
  | { readonly kind: 'permission-denied' }
  | { readonly kind: 'failed'; readonly reason: string };

function writeErrorOf(error: unknown): WriteError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'no-folder' };
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { kind: 'permission-denied' };
  return { kind: 'failed', reason: code ?? (error instanceof Error ? error.message : String(error)) };
}

export async function writeFileAtomic(path: string, bytes: Uint8Array): Promise<Result<void, WriteError>> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID().slice(0, 8)}.tmp`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path);
    return ok(undefined);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    return err(writeErrorOf(error));
  }
}
