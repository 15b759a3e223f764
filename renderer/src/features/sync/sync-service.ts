/**
 * Shared-folder sync, running in the background of the page (started once in main.tsx).
 *
 * Reading: at start and on each change the platform reports, the others' bundles are merged in
 * (all changed files at once, in the bundle worker). Main's watcher raises a `changed` flag that
 * is polled cheaply every 5 s; the folder is also listed every 30 s and on window focus, and in
 * full every 10 minutes — a watcher can miss events on network shares. A listing reads only the
 * files that are new or whose modification time changed since they were merged, whatever that time
 * is (sync tools often keep the writer's file time, so a colleague's file can arrive with an old
 * one); the full listing reads them all again. A bundle that is broken or from the
 * future is set aside, named in the panel, never merged.
 *
 * Writing: 5 s after the last local change (and on exit, see ./exit-flush.ts) the whole dataset
 * is exported and zipped in the worker and written as `<deviceId>.maillage`.
 *
 * One operation at a time, in order; a check or write already waiting is not queued twice.
 */
import type { Language } from '../../../../core/shared/language';
import type { ChangeFeed, DeviceStore, ExchangeStore } from '../../data';
import type { BridgeError, MaillageBridge } from '../../platform/types';
import type { BundleJobs } from './bundle-jobs-client';
import { createSnapshotStore, initialSyncSnapshot, withSetAside, type SnapshotStore, type SyncMode, type SyncSnapshot } from './sync-state';

export interface SyncTimings {
  readonly statePollMs: number;
  readonly listPollMs: number;
  readonly fullListMs: number;
  readonly debounceMs: number;
}
export const defaultSyncTimings: SyncTimings = { statePollMs: 5_000, listPollMs: 30_000, fullListMs: 600_000, debounceMs: 5_000 };

export interface SyncServiceDeps {
  readonly sync: MaillageBridge['sync'];
  readonly storage: { readonly changes: ChangeFeed; readonly exchange: Pick<ExchangeStore, 'deviceId'>; readonly devices: Pick<DeviceStore, 'record'> };
  readonly jobs: Pick<BundleJobs, 'exportAll' | 'merge'>;
  readonly language: () => Language;
  readonly researcher: () => string;
  readonly timings?: Partial<SyncTimings>;
  readonly now?: () => number;
  /** Where focus events come from (the window). */
  readonly focusTarget?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>;
}

export interface SyncService {
  readonly state: SnapshotStore<SyncSnapshot>;
  start(): void;
  stop(): void;
  chooseFolder(regrant?: boolean): Promise<void>;
  forgetFolder(): Promise<void>;
  /** Reads the folder in full and writes this computer's bundle, now. */
  syncNow(): Promise<void>;
  /** Local changes not yet written. */
  hasPendingWork(): boolean;
  /** Writes them now (on exit). */
  flush(): Promise<void>;
}

export function createSyncService(deps: SyncServiceDeps): SyncService {
  const { sync, storage, jobs } = deps;
  const timings = { ...defaultSyncTimings, ...deps.timings };
  const now = deps.now ?? (() => Date.now());
  const state = createSnapshotStore(initialSyncSnapshot);
  const seen = new Map<string, number>(); // file name → modification time merged
  let isDirty = false;
  let chain: Promise<void> = Promise.resolve();
  const waiting = new Set<string>();
  const cleanups: (() => void)[] = [];
  let debounce: ReturnType<typeof setTimeout> | null = null;

  const mode = () => state.get().mode;
  const failed = (error: BridgeError) => { state.update({ problem: error.code }); };

  /** Queues `op` unless the same kind is already waiting; runs one at a time. */
  const enqueue = (kind: string, op: () => Promise<void>): Promise<void> => {
    if (waiting.has(kind)) return chain;
    waiting.add(kind);
    chain = chain.then(async () => {
      waiting.delete(kind);
      state.update({ isBusy: true });
      try {
        await op();
      } finally {
        state.update({ isBusy: waiting.size > 0 });
      }
    }).catch((error: unknown) => { console.error('Maillage sync:', error); });
    return chain;
  };

  const check = async (full: boolean) => {
    if (mode() !== 'active') return;
    const deviceId = await storage.exchange.deviceId();
    const listed = await sync.listOthers(full || seen.size === 0 ? { deviceId } : { deviceId, known: Object.fromEntries(seen) });
    if (!listed.ok) {
      failed(listed.error);
      return;
    }
    const { bundles, skipped } = listed.value;
    const fresh = bundles.filter((b) => seen.get(b.fileName) !== b.modifiedMs);
    state.update((s) => ({ setAside: withSetAside(s.setAside, [], skipped.map((k) => ({ fileName: k.fileName, problem: { kind: k.reason } }))) }));
    if (fresh.length > 0) {
      const merged = await jobs.merge(fresh.map(({ fileName, bytes }) => ({ fileName, bytes })), deps.language());
      if (!merged.ok) {
        state.update({ problem: 'storage' });
        return; // not marked as seen: tried again at the next check
      }
      for (const file of fresh) seen.set(file.fileName, file.modifiedMs);
      const importedAt = new Date(now()).toISOString();
      for (const file of merged.value.opened) {
        if (file.device.id === deviceId) continue;
        await storage.devices.record({ id: file.device.id, name: file.device.name, researcher: file.researcher, exportedAt: file.exportedAt, importedAt });
      }
      const refused = merged.value.refused.map((r) => ({ fileName: r.fileName, problem: { kind: 'refused' as const, reason: r.reason } }));
      const conflicts = merged.value.applied ? merged.value.preview.interviews.conflicts : 0;
      state.update((s) => ({ setAside: withSetAside(s.setAside, merged.value.opened.map((o) => o.fileName), refused), revision: s.revision + 1, newConflicts: s.newConflicts + conflicts }));
    }
    state.update({ lastCheck: new Date(now()).toISOString(), problem: null });
  };

  const write = async () => {
    if (mode() !== 'active') return;
    isDirty = false;
    const made = await jobs.exportAll(deps.researcher());
    if (!made.ok) {
      isDirty = true;
      state.update({ problem: 'storage' });
      return;
    }
    const written = await sync.writeOwn({ deviceId: made.value.deviceId, bytes: made.value.bytes });
    if (!written.ok) {
      isDirty = true;
      failed(written.error);
      return;
    }
    state.update({ lastWrite: new Date(written.value.writtenAt).toISOString(), problem: null });
    performance.mark('maillage:sync-written');
  };

  const becomes = (next: SyncMode, folder: string | null) => {
    const before = mode();
    state.update({ mode: next, folder });
    if (next === 'active' && before !== 'active') {
      void enqueue('check-full', () => check(true));
      void enqueue('write', write);
    }
  };

  /** Asks the platform where things stand; reads the folder if its watcher saw a change. */
  const refresh = async () => {
    const answer = await sync.getState();
    if (!answer.ok) {
      if (answer.error.code === 'unavailable') becomes('manual', null);
      else failed(answer.error);
      return;
    }
    const { folder, changed, needsPermission } = answer.value;
    if (folder === null) becomes('none', null);
    else if (needsPermission) becomes('needs-permission', folder);
    else {
      const wasActive = mode() === 'active';
      becomes('active', folder);
      if (wasActive && changed) void enqueue('check', () => check(false));
    }
  };

  const onLocalChange = () => {
    isDirty = true;
    if (debounce !== null) clearTimeout(debounce);
    debounce = setTimeout(() => {
      debounce = null;
      void enqueue('write', write);
    }, timings.debounceMs);
  };

  const every = (ms: number, fn: () => void) => {
    const timer = setInterval(fn, ms);
    cleanups.push(() => { clearInterval(timer); });
  };

  const forgetProgress = () => {
    seen.clear();
  };

  return {
    state,
    start() {
      cleanups.push(storage.changes.subscribe(onLocalChange));
      every(timings.statePollMs, () => { void refresh(); });
      every(timings.listPollMs, () => { void enqueue('check', () => check(false)); });
      every(timings.fullListMs, () => { void enqueue('check-full', () => check(true)); });
      const onFocus = () => { void enqueue('check', () => check(false)); };
      deps.focusTarget?.addEventListener('focus', onFocus);
      cleanups.push(() => { deps.focusTarget?.removeEventListener('focus', onFocus); });
      void refresh();
    },
    stop() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      if (debounce !== null) clearTimeout(debounce);
      debounce = null;
    },
    async chooseFolder(regrant = false) {
      const answer = await sync.chooseFolder(regrant ? { regrant } : {});
      if (!answer.ok) {
        failed(answer.error);
        return;
      }
      if (answer.value.status === 'cancelled') return;
      forgetProgress();
      state.update({ mode: 'starting', setAside: [], problem: null });
      await refresh();
      await chain;
    },
    async forgetFolder() {
      const answer = await sync.forgetFolder();
      if (!answer.ok) {
        failed(answer.error);
        return;
      }
      forgetProgress();
      state.update({ setAside: [], lastCheck: null, problem: null });
      await refresh();
    },
    async syncNow() {
      void enqueue('check-full', () => check(true));
      await enqueue('write', write);
    },
    hasPendingWork: () => isDirty && mode() === 'active',
    async flush() {
      if (!isDirty) return;
      if (debounce !== null) clearTimeout(debounce);
      debounce = null;
      await enqueue('write', write);
    },
  };
}
