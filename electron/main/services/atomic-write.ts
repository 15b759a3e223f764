/**
 * Writes a file so that it is either entirely the old content or entirely the new one, even if
 * the laptop dies mid-write: write a temporary file in the same folder (a rename is only atomic
 * within one file system), fsync it, then rename it over the target. A failed write removes the
 * temporary file and leaves the target untouched.
 */
import { randomUUID } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../core/shared/result';
import { fileErrorFrom, type FileError } from './file-errors';

/** The few file operations the write needs; tests inject failing ones (ENOSPC, EACCES). */
export interface AtomicWriteFs {
  open(filePath: string, flags: string): Promise<{
    writeFile(data: Uint8Array): Promise<void>;
    sync(): Promise<void>;
    close(): Promise<void>;
  }>;
  rename(from: string, to: string): Promise<void>;
  rm(filePath: string, options: { force: boolean }): Promise<void>;
}

export const nodeFs: AtomicWriteFs = { open, rename, rm };

function temporaryPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomUUID()}.tmp`);
}

/**
 * Makes the rename itself durable. Best effort: Windows cannot open a folder for syncing, and
 * the data is already safe on disk by then.
 */
async function syncFolder(fs: AtomicWriteFs, folder: string): Promise<void> {
  try {
    const handle = await fs.open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Not supported on this platform or file system: nothing more we can do.
  }
}

export async function writeFileAtomic(
  target: string,
  data: Uint8Array,
  fs: AtomicWriteFs = nodeFs,
): Promise<Result<void, FileError>> {
  const temporary = temporaryPathFor(target);
  try {
    // 'wx': never follow or reuse something already at the temporary path.
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => undefined);
    return err(fileErrorFrom(error));
  }
  await syncFolder(fs, path.dirname(target));
  return ok(undefined);
}
