/** Reads a whole file as bytes, every failure a value the command can explain (see file-errors.ts). */
import { readFile } from 'node:fs/promises';
import { err, ok, type Result } from '../../core/shared/result';

export type FileReadError =
  | { readonly kind: 'not-found' }
  | { readonly kind: 'is-directory' }
  | { readonly kind: 'permission-denied' }
  | { readonly kind: 'unreadable'; readonly reason: string };

export function readErrorOf(error: unknown): FileReadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'not-found' };
  if (code === 'EISDIR') return { kind: 'is-directory' };
  if (code === 'EACCES' || code === 'EPERM') return { kind: 'permission-denied' };
  return { kind: 'unreadable', reason: code ?? (error instanceof Error ? error.message : String(error)) };
}

export async function readBinaryFile(path: string): Promise<Result<Uint8Array, FileReadError>> {
  try {
    return ok(await readFile(path));
  } catch (error) {
    return err(readErrorOf(error));
  }
}
