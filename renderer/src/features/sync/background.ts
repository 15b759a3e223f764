/**
 * The work the app does behind the researcher's back — shared-folder sync and automatic
 * backups — started once at start-up (main.tsx), with the bundle worker they share, and the
 * flush of pending work when the window closes.
 */
import type { Language } from '../../../../core/shared/language';
import { currentResearcher } from '../../app/researcher';
import type { Storage } from '../../data';
import type { MaillageBridge } from '../../platform/types';
import { createBackupScheduler, type BackupScheduler } from '../backups/backup-scheduler';
import { createBundleJobs, type BundleJobs } from './bundle-jobs-client';
import { installExitFlush } from './exit-flush';
import { createSyncService, type SyncService } from './sync-service';
import type { BackgroundTimings } from './timings';

export interface Background {
  readonly jobs: BundleJobs;
  readonly sync: SyncService;
  readonly backups: BackupScheduler;
}

export interface BackgroundDeps {
  readonly storage: Storage;
  readonly platform: MaillageBridge;
  readonly language: () => Language;
  readonly timings: BackgroundTimings;
}

export function startBackground({ storage, platform, language, timings }: BackgroundDeps): Background {
  const jobs = createBundleJobs({ database: storage.databaseName, exchange: storage.exchange });
  const sync = createSyncService({
    sync: platform.sync, storage, jobs, language, researcher: currentResearcher, timings: timings.sync, focusTarget: window,
  });
  const backups = createBackupScheduler({
    backups: platform.backups, changes: storage.changes, jobs, researcher: currentResearcher, intervalMs: timings.backupIntervalMs,
  });
  sync.start();
  backups.start();
  void platform.app.getInfo().then((info) => {
    installExitFlush({ tasks: [sync, backups], isElectron: info.ok && info.value.shell === 'electron', target: window, documentTarget: document });
  });
  return { jobs, sync, backups };
}
