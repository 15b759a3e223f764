/**
 * Shared-folder sync between laptops, end to end below the UI: real storages (Dexie over
 * fake-indexeddb), the browser's folder implementation over one in-memory folder they share,
 * the bundle jobs on the main thread (no workers in Node).
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ok } from '../../../core/shared/result';
import { validateInterviewInput, type InterviewFields } from '../../../core/records/interview';
import { openStorage, type Storage } from '../../../renderer/src/data';
import { createBrowserSync } from '../../../renderer/src/platform/browser-sync';
import { createBundleJobs } from '../../../renderer/src/features/sync/bundle-jobs-client';
import { createSyncService, type SyncService } from '../../../renderer/src/features/sync/sync-service';
import { craftBundle, emptyRecords } from '../../helpers/bundles';
import { anInterviewInput } from '../../helpers/factories';
import { uniqueDbName } from '../../helpers/fake-db';
import { FakeDirectory } from '../../helpers/fake-directory';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json').definition;
const quiet = { statePollMs: 3_600_000, listPollMs: 3_600_000, fullListMs: 3_600_000, debounceMs: 3_600_000 };

function fields(overrides = {}): InterviewFields {
  const result = validateInterviewInput(anInterviewInput(overrides), '2026-11-28');
  if (!result.ok) throw new Error('factory input should be valid');
  return result.value;
}

interface Laptop {
  readonly storage: Storage;
  readonly service: SyncService;
}
const started: Laptop[] = [];
afterEach(() => {
  for (const { service, storage } of started.splice(0)) {
    service.stop();
    storage.close();
  }
  vi.useRealTimers();
});

/** `changed` stands for Electron main's folder watcher, which the browser variant has not. */
function laptop(folder: FakeDirectory | null, researcher = 'Camille Roux', timings = quiet, changed = () => false): Laptop {
  const storage = openStorage(uniqueDbName());
  let handle: unknown = folder;
  const browserSync = createBrowserSync(
    { load: () => Promise.resolve(ok(handle)), save: (h) => { handle = h; return Promise.resolve(ok(null)); } },
    folder ? () => Promise.resolve(folder) : null,
  );
  const sync: typeof browserSync = {
    ...browserSync,
    getState: async () => {
      const state = await browserSync.getState();
      return state.ok ? ok({ ...state.value, changed: changed() }) : state;
    },
  };
  const jobs = createBundleJobs({ database: storage.databaseName, exchange: storage.exchange, createWorker: () => null });
  const service = createSyncService({ sync, storage, jobs, language: () => 'fr', researcher: () => researcher, timings });
  const made = { storage, service };
  started.push(made);
  return made;
}

async function active(service: SyncService): Promise<void> {
  service.start();
  await vi.waitFor(() => { expect(service.state.get().mode).toBe('active'); });
  await service.syncNow();
}

async function respondents(storage: Storage): Promise<string[]> {
  const list = await storage.interviews.list();
  return list.ok ? list.value.interviews.map((i) => i.respondentName) : [];
}

/** Camille's interview already synced to Maite, whose folder is listed every 30 s (fake timers). */
async function twoSyncedLaptops(): Promise<{ folder: FakeDirectory; camille: Laptop; maite: Laptop }> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder);
    await camille.storage.interviews.create(fields({ respondentName: 'Élodie Perrin' }), form);
    await active(camille.service);
    const maite = laptop(folder, 'Maite Garat', { ...quiet, listPollMs: 30_000 });
    maite.service.start();
    await vi.advanceTimersByTimeAsync(0);
    await vi.waitFor(async () => { expect(await respondents(maite.storage)).toEqual(['Élodie Perrin']); });
  return { folder, camille, maite };
}

describe('syncing through a shared folder', () => {
  it('brings one laptop’s interview to the other, and names the device it came from', async () => {
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder);
    const maite = laptop(folder, 'Maite Garat');
    await camille.storage.interviews.create(fields({ respondentName: 'Élodie Perrin' }), form);
    await active(camille.service);
    const camilleId = await camille.storage.exchange.deviceId();
    expect(folder.files.has(`${camilleId}.maillage`)).toBe(true);
    expect(camille.service.state.get().lastWrite).not.toBeNull();

    await active(maite.service);
    expect(await respondents(maite.storage)).toEqual(['Élodie Perrin']);
    const devices = await maite.storage.devices.list();
    expect(devices.ok && devices.value).toEqual([expect.objectContaining({ id: camilleId, researcher: 'Camille Roux', name: 'Maillage — Camille Roux' })]);
    expect(maite.service.state.get().revision).toBeGreaterThan(0);

    // And back: Camille reads Maite's bundle, which holds nothing new for her.
    await maite.storage.interviews.create(fields({ respondentName: 'Paul Blanc' }), form);
    await maite.service.syncNow();
    await camille.service.syncNow();
    expect((await respondents(camille.storage)).sort()).toEqual(['Paul Blanc', 'Élodie Perrin']);
  });

  it('counts the interviews a merge from the folder puts in conflict, for the panel and the notice', async () => {
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder);
    const maite = laptop(folder, 'Maite Garat');
    const created = await camille.storage.interviews.create(fields({ respondentName: 'Élodie Perrin' }), form);
    if (!created.ok) throw new Error('create');
    await active(camille.service);
    await active(maite.service);
    expect(maite.service.state.get().newConflicts).toBe(0);
    // Both change the sector without seeing each other's change.
    await camille.storage.interviews.saveAnswer(created.value.id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    await maite.storage.interviews.saveAnswer(created.value.id, { name: 'c_sector' }, 'Mécanique', form, 'Maite');
    await camille.service.flush();
    await maite.service.syncNow();
    expect(maite.service.state.get().newConflicts).toBe(1);
  });

  it('leaves the database untouched when a bundle holds nothing new', async () => {
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder);
    const maite = laptop(folder);
    await camille.storage.interviews.create(fields(), form);
    await active(camille.service);
    await active(maite.service);
    const changes = vi.fn();
    const unsubscribe = maite.storage.changes.subscribe(changes);
    await camille.service.syncNow(); // rewrites the same data: a newer file, nothing new in it
    await maite.service.syncNow();
    unsubscribe();
    expect(changes).not.toHaveBeenCalled();
  });

  it('sets aside a broken bundle and one from the future, naming them, and merges the rest', async () => {
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder);
    await camille.storage.interviews.create(fields({ respondentName: 'Élodie Perrin' }), form);
    await active(camille.service);
    const maite = laptop(folder);
    folder.put('d-bbbbbbbbbbbb.maillage', 'Nom;Entreprise\nPerrin;Moules\n');
    const future = 'zzzzzzzzz.00000.d-cccccccccccc';
    const records = { ...emptyRecords, 'records/tombstones.json': JSON.stringify([{ id: 'x1', kind: 'interview', hlc: future }]) };
    folder.put('d-cccccccccccc.maillage', craftBundle(records));
    await active(maite.service);
    const { setAside } = maite.service.state.get();
    expect(setAside.map((s) => s.fileName)).toEqual(['d-bbbbbbbbbbbb.maillage', 'd-cccccccccccc.maillage']);
    const reasons = setAside.map((s) => (s.problem.kind === 'refused' ? s.problem.reason : s.problem.kind));
    expect(reasons[0]).toMatch(/zip/);
    expect(reasons[1]).toMatch(/futur/);
    expect(await respondents(maite.storage)).toEqual(['Élodie Perrin']);

    // Once the file is mended, it is merged and no longer set aside.
    folder.put('d-bbbbbbbbbbbb.maillage', craftBundle(emptyRecords), folder.clock + 60_000);
    await maite.service.syncNow();
    expect(maite.service.state.get().setAside.map((s) => s.fileName)).toEqual(['d-cccccccccccc.maillage']);
  });

  it('writes this laptop’s bundle a while after a local change, not at each keystroke', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder, 'Camille Roux', { ...quiet, debounceMs: 5_000 });
    await active(camille.service);
    const id = await camille.storage.exchange.deviceId();
    const before = folder.files.get(`${id}.maillage`)?.lastModified;
    const created = await camille.storage.interviews.create(fields(), form);
    if (!created.ok) throw new Error('create');
    await vi.advanceTimersByTimeAsync(3_000);
    await camille.storage.interviews.saveAnswer(created.value.id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    await vi.advanceTimersByTimeAsync(3_000);
    expect(folder.files.get(`${id}.maillage`)?.lastModified).toBe(before);
    expect(camille.service.hasPendingWork()).toBe(true);
    await vi.advanceTimersByTimeAsync(2_500);
    await vi.waitFor(() => { expect(folder.files.get(`${id}.maillage`)?.lastModified).not.toBe(before); });
    expect(camille.service.hasPendingWork()).toBe(false);
  });

  it('reads the folder again at the periodic check', async () => {
    const { camille, maite } = await twoSyncedLaptops();
    await camille.storage.interviews.create(fields({ respondentName: 'Paul Blanc' }), form);
    await camille.service.flush();
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(async () => { expect((await respondents(maite.storage)).sort()).toEqual(['Paul Blanc', 'Élodie Perrin']); });
  });

  it('reads a colleague’s bundle that arrives late with its writer’s old file time at the next check, not only at the full one', async () => {
    const { folder, maite } = await twoSyncedLaptops();
    // Iñaki's laptop wrote its bundle long ago; a sync tool copies it in now, keeping that time.
    const inaki = laptop(null, 'Iñaki Etxeberria');
    await inaki.storage.interviews.create(fields({ respondentName: 'Iñaki Etxeberria' }), form);
    const bundle = await createBundleJobs({ database: inaki.storage.databaseName, exchange: inaki.storage.exchange, createWorker: () => null }).exportAll('Iñaki Etxeberria');
    if (!bundle.ok) throw new Error('bundle');
    folder.put(`${bundle.value.deviceId}.maillage`, bundle.value.bytes, 1_000);
    await vi.advanceTimersByTimeAsync(30_000);
    await vi.waitFor(async () => { expect((await respondents(maite.storage)).sort()).toEqual(['Iñaki Etxeberria', 'Élodie Perrin']); });
  });

  it('reads the folder again, between periodic checks, when the watcher saw a change', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder);
    await active(camille.service);
    let hasChanged = false;
    const maite = laptop(folder, 'Maite Garat', { ...quiet, statePollMs: 5_000 }, () => hasChanged);
    await active(maite.service);
    await camille.storage.interviews.create(fields({ respondentName: 'Paul Blanc' }), form);
    await camille.service.flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(await respondents(maite.storage)).toEqual([]);
    hasChanged = true;
    await vi.advanceTimersByTimeAsync(5_000);
    await vi.waitFor(async () => { expect(await respondents(maite.storage)).toEqual(['Paul Blanc']); });
  });

  it('keeps unwritten changes pending, and says why, when the folder refuses', async () => {
    const folder = new FakeDirectory('Partage');
    const camille = laptop(folder);
    await active(camille.service);
    await camille.storage.interviews.create(fields(), form);
    folder.failNextWrite = 'QuotaExceededError';
    await vi.waitFor(() => { expect(camille.service.hasPendingWork()).toBe(true); });
    await camille.service.flush();
    expect(camille.service.state.get().problem).toBe('disk-full');
    expect(camille.service.hasPendingWork()).toBe(true);
    await camille.service.flush();
    expect(camille.service.state.get().problem).toBeNull();
    expect(camille.service.hasPendingWork()).toBe(false);
  });

  it('shows the manual way where there can be no shared folder', async () => {
    const { service } = laptop(null);
    service.start();
    await vi.waitFor(() => { expect(service.state.get().mode).toBe('manual'); });
  });

  it('asks for access again after a restart, and syncs once it is granted', async () => {
    const folder = new FakeDirectory('Partage');
    folder.permission = 'prompt';
    const { service } = laptop(folder);
    service.start();
    await vi.waitFor(() => { expect(service.state.get()).toMatchObject({ mode: 'needs-permission', folder: 'Partage' }); });
    await service.chooseFolder(true);
    expect(service.state.get()).toMatchObject({ mode: 'active', folder: 'Partage' });
    expect(service.state.get().lastWrite).not.toBeNull();
  });

  it('stops syncing when told to', async () => {
    const folder = new FakeDirectory('Partage');
    const { service } = laptop(folder);
    await active(service);
    await service.forgetFolder();
    expect(service.state.get().mode).toBe('none');
  });
});
