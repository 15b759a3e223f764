/**
 * Which shared folder this computer syncs with, remembered in a small JSON file in userData.
 * Written atomically; a missing file means "no folder", and so does a damaged one — with a line
 * in the log, since the researcher can simply choose the folder again.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Result } from '../../../core/shared/result';
import { writeFileAtomic } from './atomic-write';
import type { FileError } from './file-errors';

export const syncSettingsFileName = 'sync-settings.json';

const settingsSchema = z.object({
  version: z.literal(1),
  folder: z.string().min(1).nullable(),
});

export interface SyncSettings {
  readonly folder: string | null;
}

const none: SyncSettings = { folder: null };

export type Log = (message: string) => void;
const warn: Log = (message) => { console.warn(message); };

export async function readSyncSettings(file: string, log: Log = warn): Promise<SyncSettings> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const errno = (error as { code?: unknown }).code;
    if (errno !== 'ENOENT') log(`Maillage: cannot read ${file} (${String(errno)}); syncing with no folder`);
    return none;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    log(`Maillage: ${file} is not valid JSON; syncing with no folder`);
    return none;
  }
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    log(`Maillage: ${file} has an unexpected shape; syncing with no folder`);
    return none;
  }
  return { folder: parsed.data.folder };
}

export function writeSyncSettings(file: string, settings: SyncSettings): Promise<Result<void, FileError>> {
  const text = `${JSON.stringify({ version: 1, folder: settings.folder } satisfies z.infer<typeof settingsSchema>, null, 2)}\n`;
  return writeFileAtomic(file, new TextEncoder().encode(text));
}
