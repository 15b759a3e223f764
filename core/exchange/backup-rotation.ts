/**
 * Automatic backups: how they are named, and which ones are kept. Both shells use this — Electron
 * main for files in `<userData>/backups`, the browser variant for rows in IndexedDB — so a
 * researcher finds the same backups, named the same way, whichever one they run.
 *
 * Kept: the 20 newest, plus the newest of each UTC day of the last 30 days. Everything else is
 * pruned after each new backup. A backup dated in the future (a clock set back since) sorts as
 * the newest and so is kept among the 20, never pruned by surprise.
 *
 * The name carries the time (UTC, to the millisecond) and the number of interviews, so that a
 * list of backups can say what each holds without opening a single file.
 */
export const keepNewest = 20;
export const keepDailyForDays = 30;

const dayMs = 24 * 60 * 60 * 1000;

export interface BackupEntry {
  readonly file: string;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/** `maillage-20261128T100000123Z-42.maillage`: time (UTC), then the interview count. */
export const backupFilePattern = /^maillage-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z-(\d{1,9})\.maillage$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function backupFileName(at: Date, interviews: number): string {
  const date = `${pad(at.getUTCFullYear(), 4)}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}`;
  const time = `${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}${pad(at.getUTCMilliseconds(), 3)}`;
  return `maillage-${date}T${time}Z-${String(Math.max(0, Math.trunc(interviews)))}.maillage`;
}

export interface ParsedBackupName {
  readonly createdAt: number;
  readonly interviews: number;
}

/** The time and count a backup's name carries; null for any other name. */
export function parseBackupFileName(name: string): ParsedBackupName | null {
  const match = backupFilePattern.exec(name);
  if (!match) return null;
  const [, year, month, day, hours, minutes, seconds, ms, count] = match.map(Number);
  if (year === undefined || month === undefined || day === undefined || hours === undefined || minutes === undefined || seconds === undefined || ms === undefined || count === undefined) return null;
  const createdAt = Date.UTC(year, month - 1, day, hours, minutes, seconds, ms);
  // Reject names such as 20261399T…: Date.UTC would roll them over into another date.
  if (backupFileName(new Date(createdAt), count) !== name) return null;
  return { createdAt, interviews: count };
}

const utcDay = (ms: number) => Math.floor(ms / dayMs);

/** The files to keep, by name. Pure: the callers delete the others. */
export function backupsToKeep(files: readonly BackupEntry[], now: number): Set<string> {
  const newestFirst = [...files].sort((a, b) => b.createdAt - a.createdAt || (a.file < b.file ? 1 : -1));
  const keep = new Set(newestFirst.slice(0, keepNewest).map((f) => f.file));
  const seenDays = new Set<number>();
  const oldestKeptDay = utcDay(now) - (keepDailyForDays - 1);
  for (const entry of newestFirst) {
    const day = utcDay(entry.createdAt);
    if (day < oldestKeptDay || seenDays.has(day)) continue;
    seenDays.add(day);
    keep.add(entry.file);
  }
  return keep;
}
