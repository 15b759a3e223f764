/** When backups are made: after activity, at most once per interval, and on exit. Fake timers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../core/shared/result';
import type { ChangeFeed } from '../../../renderer/src/data';
import type { BackupInfo, MaillageBridge } from '../../../renderer/src/platform/types';
import { createBackupScheduler } from '../../../renderer/src/features/backups/backup-scheduler';
import type { MadeBundle } from '../../../renderer/src/features/sync/bundle-jobs';

const minute = 60_000;

function changeFeed() {
  const listeners = new Set<() => void>();
  const feed: ChangeFeed = { subscribe: (listener) => { listeners.add(listener); return () => { listeners.delete(listener); }; } };
  return { feed, change: () => { for (const l of listeners) l(); } };
}

function setUp(options: { interviews?: number; existing?: BackupInfo[]; intervalMs?: number } = {}) {
  const written: { reason: string; interviews: number; at: number }[] = [];
  let failWith: 'disk-full' | null = null;
  const backups: MaillageBridge['backups'] = {
    write: ({ reason, interviews, bytes }) => {
      if (failWith) return Promise.resolve(err({ code: failWith, message: 'full' }));
      written.push({ reason, interviews, at: Date.now() });
      return Promise.resolve(ok({ file: 'f', createdAt: new Date().toISOString(), size: bytes.length, interviews }));
    },
    list: () => Promise.resolve(ok(options.existing ?? [])),
    read: () => Promise.resolve(err({ code: 'unavailable', message: '' })),
  };
  const made: MadeBundle = { bytes: new Uint8Array([1, 2, 3]), deviceId: 'd-1', counts: { interviews: options.interviews ?? 4, tombstones: 0, forms: 0 } };
  const jobs = { exportAll: vi.fn(() => Promise.resolve(ok(made))) };
  const { feed, change } = changeFeed();
  const scheduler = createBackupScheduler({ backups, changes: feed, jobs, researcher: () => 'Camille', ...(options.intervalMs ? { intervalMs: options.intervalMs } : {}) });
  scheduler.start();
  return { scheduler, written, change, jobs, fail: (code: 'disk-full' | null) => { failWith = code; } };
}

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-28T10:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the backup scheduler', () => {
  it('makes no backup without activity', async () => {
    const { written } = setUp();
    await vi.advanceTimersByTimeAsync(60 * minute);
    expect(written).toEqual([]);
  });

  it('backs up shortly after the first change, then at most every ten minutes however busy the researcher is', async () => {
    const { written, change } = setUp();
    await vi.advanceTimersByTimeAsync(0);
    change();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(written.map((w) => w.reason)).toEqual(['activity']);
    // A change every 20 s for half an hour.
    for (let i = 0; i < 90; i++) {
      change();
      await vi.advanceTimersByTimeAsync(20_000);
    }
    const gaps = written.slice(1).map((w, i) => w.at - (written[i]?.at ?? 0));
    expect(written.length).toBeGreaterThanOrEqual(3);
    expect(written.length).toBeLessThanOrEqual(4);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(10 * minute);
  });

  it('counts the newest existing backup: no second backup right after a restart', async () => {
    const { written, change } = setUp({ existing: [{ file: 'f', createdAt: new Date(Date.now() - 2 * minute).toISOString(), size: 1, interviews: 1 }] });
    await vi.advanceTimersByTimeAsync(0);
    change();
    await vi.advanceTimersByTimeAsync(7 * minute);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 * minute + 1);
    expect(written).toHaveLength(1);
  });

  it('backs up on exit what changed since the last backup, and nothing otherwise', async () => {
    const { scheduler, written, change } = setUp();
    await scheduler.flush();
    expect(written).toEqual([]);
    change();
    expect(scheduler.hasPendingWork()).toBe(true);
    await scheduler.flush();
    expect(written.map((w) => w.reason)).toEqual(['exit']);
    expect(scheduler.hasPendingWork()).toBe(false);
    await vi.advanceTimersByTimeAsync(60 * minute);
    expect(written).toHaveLength(1);
  });

  it('does not back up a database with no interview', async () => {
    const { scheduler, written, change } = setUp({ interviews: 0 });
    change();
    await scheduler.flush();
    await vi.advanceTimersByTimeAsync(60 * minute);
    expect(written).toEqual([]);
  });

  it('tries again an interval later when the backup could not be written', async () => {
    const { written, change, fail, scheduler } = setUp();
    fail('disk-full');
    change();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(written).toEqual([]);
    expect(scheduler.hasPendingWork()).toBe(true);
    fail(null);
    await vi.advanceTimersByTimeAsync(9 * minute);
    expect(written).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 * minute);
    expect(written).toHaveLength(1);
  });

  it('follows a shorter interval when given one (the testing aid)', async () => {
    const { written, change } = setUp({ intervalMs: 500 });
    change();
    await vi.advanceTimersByTimeAsync(500);
    expect(written).toHaveLength(1);
  });

  it('tells listeners when a backup is written', async () => {
    const { scheduler, change } = setUp();
    const listener = vi.fn();
    scheduler.subscribe(listener);
    change();
    await scheduler.flush();
    expect(listener).toHaveBeenCalledOnce();
  });
});
