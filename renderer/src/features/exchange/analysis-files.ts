/** How an analysis export is saved: one file as it is, several together in a zip (entries in the export's order, all with the export's time). */
import { zipSync, type Zippable } from 'fflate';
import type { ExportFile } from '../../../../core/exports/types';
import type { ExportFormat } from '../../../../core/exports/analysis-files';

export interface SavedFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The extension, for the save dialog's filter. */
  readonly extension: 'zip' | 'csv' | 'xlsx';
}

export function savedFileOf(files: readonly ExportFile[], format: ExportFormat, date: string, time: Date): SavedFile | null {
  const [only] = files;
  if (!only) return null;
  if (files.length === 1) return { name: only.fileName, bytes: only.bytes, extension: only.fileName.endsWith('.xlsx') ? 'xlsx' : 'csv' };
  // Zip times are local times from 1980 on: shifted so that they read as the export's UTC time everywhere.
  const utc = Math.max(time.getTime(), Date.UTC(1980, 0, 2));
  const mtime = new Date(utc + new Date(utc).getTimezoneOffset() * 60_000);
  const entries: Zippable = {};
  for (const file of files) entries[file.fileName] = [file.bytes, { level: 6, mtime }];
  return { name: `maillage-${format}-${date}.zip`, bytes: zipSync(entries, { level: 6, mtime }), extension: 'zip' };
}
