/**
 * Reads a text file the way the CLI needs it: as strict UTF-8 (a Latin-1 or Windows-1252 file is
 * refused, not silently altered), with every failure returned as a value the command can explain.
 */
import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../../core/shared/result';

export type ReadFileError =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'is-directory' }
  | { readonly kind: 'permission-denied' }
  | { readonly kind: 'not-utf8' }
  | { readonly kind: 'unreadable'; readonly reason: string };

export async function readTextFile(path: string): Promise<Result<string, ReadFileError>> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return err({ kind: 'not-found' });
    if (code === 'EISDIR') return err({ kind: 'is-directory' });
    if (code === 'EACCES' || code === 'EPERM') return err({ kind: 'permission-denied' });
    return err({ kind: 'unreadable', reason: code ?? (error instanceof Error ? error.message : String(error)) });
  }
  try {
    // The decoder drops a leading byte-order mark, which JSON.parse would refuse.
    return ok(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return err({ kind: 'not-utf8' });
  }
}
