/**
 * Background timings, read once at start. The defaults are the app's; the address may shorten
 * them — `?syncPollMs=500&syncDebounceMs=200&backupIntervalMs=500` — as a testing aid, so that
 * end-to-end tests and benchmarks need not wait minutes. Values below 50 ms are ignored.
 */
import { defaultBackupIntervalMs } from '../backups/backup-scheduler';
import { defaultSyncTimings, type SyncTimings } from './sync-service';

export interface BackgroundTimings {
  readonly sync: SyncTimings;
  readonly backupIntervalMs: number;
}

const minimumMs = 50;

function read(params: URLSearchParams, name: string): number | undefined {
  const value = Number(params.get(name) ?? Number.NaN);
  return Number.isFinite(value) && value >= minimumMs ? value : undefined;
}

export function readTimings(search: string): BackgroundTimings {
  const params = new URLSearchParams(search);
  const poll = read(params, 'syncPollMs');
  return {
    sync: {
      // One knob for tests: the cheap state poll, the listing and the full listing.
      statePollMs: poll ?? defaultSyncTimings.statePollMs,
      listPollMs: poll ?? defaultSyncTimings.listPollMs,
      fullListMs: poll === undefined ? defaultSyncTimings.fullListMs : poll * 4,
      debounceMs: read(params, 'syncDebounceMs') ?? defaultSyncTimings.debounceMs,
    },
    backupIntervalMs: read(params, 'backupIntervalMs') ?? defaultBackupIntervalMs,
  };
}
