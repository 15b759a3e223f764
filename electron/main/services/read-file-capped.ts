/**
 * Reads a file the researcher chose, refusing anything over a size cap: the bytes travel to the
 * renderer over IPC and sit in memory more than once, so an accidental multi-gigabyte pick must
 * fail cleanly instead of freezing the app.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { err, ok, type Result } from '../../../core/shared/result';
import type { BridgeError } from '../../bridge-contract';
import { fileErrorFrom } from './file-errors';

export const MAX_OPEN_BYTES = 200 * 1024 * 1024;

/**
 * Reads at most `size` bytes into a buffer sized from `stat`, so a file that grows while being
 * read can never push memory past the cap.
 */
async function readUpTo(handle: FileHandle, size: number): Promise<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(size);
  let offset = 0;
  while (offset < size) {
    const { bytesRead } = await handle.read(bytes, offset, size - offset, offset);
    if (bytesRead === 0) break; // the file shrank: keep what is there
    offset += bytesRead;
  }
  return offset === size ? bytes : bytes.slice(0, offset);
}

export async function readFileCapped(
  filePath: string,
  maxBytes: number = MAX_OPEN_BYTES,
): Promise<Result<Uint8Array<ArrayBuffer>, BridgeError>> {
  try {
    const handle = await open(filePath, 'r');
    try {
      const stats = await handle.stat();
      if (!stats.isFile()) return err({ code: 'io', message: `${filePath} is not a regular file` });
      if (stats.size > maxBytes) {
        // The contract has no "too large" code; the app declines the file, hence 'not-allowed'.
        return err({ code: 'not-allowed', message: `${filePath} is larger than ${maxBytes} bytes` });
      }
      return ok(await readUpTo(handle, stats.size));
    } finally {
      await handle.close();
    }
  } catch (error) {
    return err(fileErrorFrom(error));
  }
}
