import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backupFileName, backupsToKeep, keepDailyForDays, keepNewest, parseBackupFileName, type BackupEntry,
} from '../../../core/exchange/backup-rotation';

const now = Date.parse('2026-11-28T10:00:00.000Z');
const hour = 60 * 60 * 1000;
const day = 24 * hour;
const entry = (createdAt: number): BackupEntry => ({ file: backupFileName(new Date(createdAt), 3), createdAt });

describe('backup file names', () => {
  it('carry the UTC time to the millisecond and the interview count', () => {
    const name = backupFileName(new Date('2026-03-05T07:08:09.012Z'), 42);
    expect(name).toBe('maillage-20260305T070809012Z-42.maillage');
    expect(parseBackupFileName(name)).toEqual({ createdAt: Date.parse('2026-03-05T07:08:09.012Z'), interviews: 42 });
  });

  it.each([
    'maillage-20261399T000000000Z-1.maillage',
    'maillage-20260305T070809012Z.maillage',
    '../maillage-20260305T070809012Z-1.maillage',
    'maillage-20260305T070809012Z-1.maillage.tmp',
    '.maillage-20260305T070809012Z-1.maillage.1234.tmp',
    'd-0123456789ab.maillage',
  ])('refuse %s', (name) => {
    expect(parseBackupFileName(name)).toBeNull();
  });

  it('round-trip any instant and count', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 253_402_300_799_999 }), fc.nat({ max: 999_999_999 }), (ms, count) => {
      expect(parseBackupFileName(backupFileName(new Date(ms), count))).toEqual({ createdAt: ms, interviews: count });
    }));
  });
});

describe('backupsToKeep', () => {
  it('keeps everything while there are few backups', () => {
    const files = [entry(now - hour), entry(now - 2 * hour), entry(now - 40 * day)];
    expect(backupsToKeep(files, now)).toEqual(new Set(files.map((f) => f.file)));
  });

  it('keeps the 20 newest, then the newest of each day for 30 days', () => {
    // Every 10 minutes for 45 days: 6,480 backups.
    const files = Array.from({ length: 45 * 144 }, (_, i) => entry(now - i * 10 * 60 * 1000));
    const kept = backupsToKeep(files, now);
    const keptEntries = files.filter((f) => kept.has(f.file));
    expect(keptEntries.slice(0, keepNewest)).toEqual(files.slice(0, keepNewest));
    // 20 newest (all today), plus the newest of the 29 earlier days.
    expect(kept.size).toBe(keepNewest + keepDailyForDays - 1);
    expect(Math.min(...keptEntries.map((f) => f.createdAt))).toBeGreaterThan(now - keepDailyForDays * day);
  });

  it('keeps a backup from the future (a clock set back) among the newest', () => {
    const future = entry(now + 3 * day);
    const files = [future, ...Array.from({ length: 30 }, (_, i) => entry(now - i * hour))];
    expect(backupsToKeep(files, now).has(future.file)).toBe(true);
  });

  const backups = fc.uniqueArray(fc.integer({ min: now - 60 * day, max: now + day }), { maxLength: 120 }).map((times) => times.map(entry));

  it('keeps only backups it was given, the 20 newest always, and at most 20 + 31', () => {
    fc.assert(fc.property(backups, (files) => {
      const kept = backupsToKeep(files, now);
      const names = new Set(files.map((f) => f.file));
      for (const file of kept) expect(names.has(file)).toBe(true);
      const newest = [...files].sort((a, b) => b.createdAt - a.createdAt).slice(0, keepNewest);
      for (const f of newest) expect(kept.has(f.file)).toBe(true);
      expect(kept.size).toBeLessThanOrEqual(Math.min(files.length, keepNewest + keepDailyForDays + 1));
    }));
  });

  it('keeps the newest backup of every day of the last 30', () => {
    fc.assert(fc.property(backups, (files) => {
      const kept = backupsToKeep(files, now);
      const newestOfDay = new Map<number, BackupEntry>();
      for (const f of files) {
        const d = Math.floor(f.createdAt / day);
        if ((newestOfDay.get(d)?.createdAt ?? -Infinity) < f.createdAt) newestOfDay.set(d, f);
      }
      for (const [d, f] of newestOfDay) if (d >= Math.floor(now / day) - (keepDailyForDays - 1)) expect(kept.has(f.file)).toBe(true);
    }));
  });

  it('is stable: pruning what it kept keeps the same', () => {
    fc.assert(fc.property(backups, (files) => {
      const kept = backupsToKeep(files, now);
      expect(backupsToKeep(files.filter((f) => kept.has(f.file)), now)).toEqual(kept);
    }));
  });
});
