/**
 * Automatic backups on disk: `<userData>/backups/maillage-<UTC time>-<interviews>.maillage`,
 * each written atomically, then the folder pruned by the shared rotation rule
 * (core/exchange/backup-rotation.ts). Only files whose names match the pattern are ever listed,
 * read or deleted: whatever else a researcher puts in that folder is left alone.
 */
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupFileName, backupsToKeep, parseBackupFileName } from '../../../core/exchange/backup-rotation';
import { err, ok, type Result } from '../../../core/shared/result';
import type { BackupInfo, BridgeError } from '../../bridge-contract';
import { writeFileAtomic } from './atomic-write';
import { fileErrorFrom } from './file-errors';
import { readFileCapped } from './read-file-capped';

export const backupsFolderName = 'backups';

interface Found {
  readonly file: string;
  readonly createdAt: number;
  readonly interviews: number;
}

async function backupFiles(folder: string): Promise<Found[]> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return [];
    throw error;
  }
  const found: Found[] = [];
  for (const file of names) {
    const parsed = parseBackupFileName(file);
    if (parsed) found.push({ file, ...parsed });
  }
  return found.sort((a, b) => b.createdAt - a.createdAt);
}

/** Deletes what the rotation does not keep. Best effort: a file that will not go stays until next time. */
async function prune(folder: string, now: number): Promise<void> {
  const files = await backupFiles(folder);
  const keep = backupsToKeep(files, now);
  for (const { file } of files) {
    if (!keep.has(file)) await rm(path.join(folder, file), { force: true }).catch(() => undefined);
  }
}

export async function writeBackup(folder: string, bytes: Uint8Array, interviews: number, now: Date = new Date()): Promise<Result<BackupInfo, BridgeError>> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    return err(fileErrorFrom(error));
  }
  const file = backupFileName(now, interviews);
  const written = await writeFileAtomic(path.join(folder, file), bytes);
  if (!written.ok) return written;
  try {
    await prune(folder, now.getTime());
  } catch {
    // The backup is written; pruning will be tried again after the next one.
  }
  return ok({ file, createdAt: now.toISOString(), size: bytes.length, interviews });
}

/** Newest first. */
export async function listBackups(folder: string): Promise<Result<BackupInfo[], BridgeError>> {
  try {
    const infos: BackupInfo[] = [];
    for (const found of await backupFiles(folder)) {
      const size = await stat(path.join(folder, found.file)).then((s) => s.size, () => null);
      if (size !== null) infos.push({ file: found.file, createdAt: new Date(found.createdAt).toISOString(), size, interviews: found.interviews });
    }
    return ok(infos);
  } catch (error) {
    return err(fileErrorFrom(error));
  }
}

export async function readBackup(folder: string, file: string): Promise<Result<Uint8Array, BridgeError>> {
  // The contract's validator already holds names to the pattern; checked again here, where it matters.
  if (parseBackupFileName(file) === null || path.basename(file) !== file) {
    return err({ code: 'not-allowed', message: `not a backup file name: ${file}` });
  }
  const read = await readFileCapped(path.join(folder, file));
  if (!read.ok && read.error.code === 'io' && /ENOENT/.test(read.error.message)) {
    return err({ code: 'unavailable', message: `${file} no longer exists` });
  }
  return read;
}
