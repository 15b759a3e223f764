/**
 * Writes an export's files where `-o` says: into a folder (created when missing), or, when `-o`
 * names a `.csv` or `.xlsx` file, as that one file. Each file is written atomically — a
 * temporary file in the same folder, then a rename — so a reader never sees half a table and an
 * interrupted export leaves the previous files as they were.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExportFile } from '../../core/exports/types';
import { err, ok, type Result } from '../../core/shared/result';
import { writeFileAtomic, type WriteError } from '../files/write-atomic';

export type OutputError =
  | { readonly kind: 'several-files'; readonly count: number }
  | { readonly kind: 'not-a-folder'; readonly path: string }
  | { readonly kind: 'write'; readonly path: string; readonly error: WriteError };

function folderError(error: unknown): WriteError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return { kind: 'permission-denied' };
  return { kind: 'failed', reason: code ?? (error instanceof Error ? error.message : String(error)) };
}

const isDirectory = async (path: string) => (await stat(path).catch(() => null))?.isDirectory() === true;

/** True when `-o` names a single file rather than a folder. */
export async function namesAFile(target: string): Promise<boolean> {
  return /\.(csv|xlsx)$/i.test(target) && !(await isDirectory(target));
}

/** Writes the files and returns the paths written, in order. */
export async function writeOutput(target: string, files: readonly ExportFile[]): Promise<Result<string[], OutputError>> {
  const single = await namesAFile(target);
  if (single && files.length > 1) return err({ kind: 'several-files', count: files.length });
  const folder = single ? dirname(target) : target;
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return err(code === 'EEXIST' || code === 'ENOTDIR' ? { kind: 'not-a-folder', path: folder } : { kind: 'write', path: folder, error: folderError(error) });
  }
  if (!(await isDirectory(folder))) return err({ kind: 'not-a-folder', path: folder });
  const written: string[] = [];
  for (const file of files) {
    const path = single ? target : join(folder, file.fileName);
    const result = await writeFileAtomic(path, file.bytes);
    if (!result.ok) return err({ kind: 'write', path, error: result.error });
    written.push(path);
  }
  return ok(written);
}
