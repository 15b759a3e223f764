/**
 * Automatic backups, in the background of the page (started once in main.tsx): after local
 * changes — at most once per interval (10 minutes; `?backupIntervalMs=` in the address shortens
 * it for tests) — and on exit when something changed since the last one, the whole dataset is
 * exported and zipped in the bundle worker and handed to the platform, which keeps and rotates
 * the files. A dataset with no interview at all is not backed up: it would protect nothing, and
 * could push a useful backup out of the rotation.
 */
import type { ChangeFeed } from '../../data';
import type { MaillageBridge } from '../../platform/types';
import type { BundleJobs } from '../sync/bundle-jobs-client';

export const defaultBackupIntervalMs = 10 * 60 * 1000;
/** How long activity must settle before the first backup after a quiet period. */
const maxSettleMs = 30_000;

export interface BackupSchedulerDeps {
  readonly backups: MaillageBridge['backups'];
  readonly changes: ChangeFeed;
  readonly jobs: Pick<BundleJobs, 'exportAll'>;
  readonly researcher: () => string;
  readonly intervalMs?: number;
  readonly now?: () => number;
}

export interface BackupScheduler {
  start(): void;
  stop(): void;
  hasPendingWork(): boolean;
  /** Backs up now if anything changed since the last backup (on exit). */
  flush(): Promise<void>;
  /** Tells listeners (the restore list) that a backup was written. */
  subscribe(listener: () => void): () => void;
}

export function createBackupScheduler(deps: BackupSchedulerDeps): BackupScheduler {
  const intervalMs = deps.intervalMs ?? defaultBackupIntervalMs;
  const settleMs = Math.min(maxSettleMs, intervalMs);
  const now = deps.now ?? (() => Date.now());
  const listeners = new Set<() => void>();
  /** The last backup made or tried: the next one waits an interval after it. */
  let lastAttemptAt = -Infinity;
  let isDirty = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let unsubscribe: (() => void) | null = null;

  const backUp = async (reason: 'activity' | 'exit') => {
    isDirty = false;
    lastAttemptAt = now();
    const made = await deps.jobs.exportAll(deps.researcher());
    if (!made.ok) {
      isDirty = true;
      return;
    }
    if (made.value.counts.interviews === 0) return;
    const written = await deps.backups.write({ bytes: made.value.bytes, reason, interviews: made.value.counts.interviews });
    if (!written.ok) {
      isDirty = true;
      console.error('Maillage backup:', written.error.message);
      return;
    }
    for (const listener of listeners) listener();
  };

  /** One backup at a time; a request during one runs after it. */
  const run = (reason: 'activity' | 'exit'): Promise<void> => {
    const previous = running ?? Promise.resolve();
    const next = previous.then(() => (isDirty ? backUp(reason) : undefined)).finally(() => {
      if (running === next) running = null;
    });
    running = next;
    return next;
  };

  const schedule = () => {
    if (timer !== null) return;
    const delay = Math.max(settleMs, lastAttemptAt + intervalMs - now());
    timer = setTimeout(() => {
      timer = null;
      void run('activity').then(() => { if (isDirty) schedule(); });
    }, delay);
  };

  return {
    start() {
      unsubscribe = deps.changes.subscribe(() => {
        isDirty = true;
        schedule();
      });
      // The newest backup already made counts: no second one right after a restart.
      void deps.backups.list().then((listed) => {
        const newest = listed.ok ? listed.value[0] : undefined;
        if (newest) lastAttemptAt = Math.max(lastAttemptAt, Math.min(Date.parse(newest.createdAt), now()));
      });
    },
    stop() {
      unsubscribe?.();
      unsubscribe = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
    hasPendingWork: () => isDirty,
    flush() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      return run('exit');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}
