/** The bundle jobs: in a worker when there is one, on the main thread when not or when it fails. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { validateInterviewInput, type InterviewFields } from '../../../core/records/interview';
import { openStorage, type Storage } from '../../../renderer/src/data';
import { createBundleJobs, type WorkerLike } from '../../../renderer/src/features/sync/bundle-jobs-client';
import { runJob } from '../../../renderer/src/features/sync/bundle-jobs';
import type { JobReply, JobRequest } from '../../../renderer/src/features/sync/bundle-worker';
import { readTimings } from '../../../renderer/src/features/sync/timings';
import { anInterviewInput } from '../../helpers/factories';
import { uniqueDbName } from '../../helpers/fake-db';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json').definition;
const storages: Storage[] = [];
afterEach(() => { for (const s of storages.splice(0)) s.close(); });

function fields(overrides = {}): InterviewFields {
  const result = validateInterviewInput(anInterviewInput(overrides), '2026-11-28');
  if (!result.ok) throw new Error('factory input should be valid');
  return result.value;
}

async function storageWithInterview(): Promise<Storage> {
  const storage = openStorage(uniqueDbName());
  storages.push(storage);
  await storage.interviews.create(fields(), form);
  return storage;
}

/** A colleague's bundle file holding one interview, exported by Camille. */
async function colleagueFile(): Promise<{ readonly fileName: string; readonly bytes: Uint8Array }> {
  const from = await storageWithInterview();
  const made = await createBundleJobs({ database: from.databaseName, exchange: from.exchange, createWorker: () => null }).exportAll('Camille');
  if (!made.ok) throw new Error('export');
  return { fileName: 'a.maillage', bytes: made.value.bytes };
}

function emptyStorage(): Storage {
  const storage = openStorage(uniqueDbName());
  storages.push(storage);
  return storage;
}

/** A worker that runs jobs in this thread, like the real one, or fails as told. */
class FakeWorker implements WorkerLike {
  readonly posted: JobRequest[] = [];
  private readonly listeners: { message: ((event: MessageEvent<JobReply>) => void)[]; error: ((event: Event) => void)[] } = { message: [], error: [] };
  constructor(private readonly behaviour: 'work' | 'fail-job' | 'crash', private readonly storage: Storage) {}
  addEventListener(type: 'message' | 'error', listener: ((event: MessageEvent<JobReply>) => void) & ((event: Event) => void)): void {
    this.listeners[type].push(listener);
  }
  postMessage(message: JobRequest): void {
    this.posted.push(message);
    if (this.behaviour === 'crash') {
      queueMicrotask(() => { for (const l of this.listeners.error) l(new Event('error', { cancelable: true })); });
      return;
    }
    const reply = (data: JobReply) => { for (const l of this.listeners.message) l(new MessageEvent('message', { data })); };
    if (this.behaviour === 'fail-job') queueMicrotask(() => { reply({ id: message.id, failure: 'boom' }); });
    else void runJob(message.job, () => this.storage.exchange).then((answer) => { reply({ id: message.id, answer }); });
  }
  readonly terminate = vi.fn();
}

describe('bundle jobs', () => {
  it('export the whole database as a bundle, with its device and counts', async () => {
    const storage = await storageWithInterview();
    const jobs = createBundleJobs({ database: storage.databaseName, exchange: storage.exchange, createWorker: () => null });
    const made = await jobs.exportAll('Camille Roux');
    if (!made.ok) throw new Error(made.error.detail);
    expect(made.value.counts).toEqual({ interviews: 1, tombstones: 0, forms: 0 });
    expect(made.value.deviceId).toBe(await storage.exchange.deviceId());
    const read = readBundle(made.value.bytes, new Date());
    expect(read.ok && read.value.manifest.researcher).toBe('Camille Roux');
  });

  it.each(['work', 'fail-job', 'crash'] as const)('give the same answer when the worker does its %s', async (behaviour) => {
    const storage = await storageWithInterview();
    const worker = new FakeWorker(behaviour, storage);
    const jobs = createBundleJobs({ database: storage.databaseName, exchange: storage.exchange, createWorker: () => worker });
    const made = await jobs.exportAll('Camille Roux');
    expect(made.ok && made.value.counts.interviews).toBe(1);
    expect(worker.posted.map((p) => p.job.kind)).toEqual(['export']);
    if (behaviour === 'crash') {
      expect(worker.terminate).toHaveBeenCalled();
      await jobs.exportAll('Camille Roux');
      expect(worker.posted).toHaveLength(1); // a crashed worker is not used again
    }
  });

  it('merge several files at once, setting aside the ones that are not bundles', async () => {
    const from = await storageWithInterview();
    const into = openStorage(uniqueDbName());
    storages.push(into);
    const made = await createBundleJobs({ database: from.databaseName, exchange: from.exchange, createWorker: () => null }).exportAll('Camille');
    if (!made.ok) throw new Error('export');
    const jobs = createBundleJobs({ database: into.databaseName, exchange: into.exchange, createWorker: () => null });
    const merged = await jobs.merge([{ fileName: 'a.maillage', bytes: made.value.bytes }, { fileName: 'b.maillage', bytes: new TextEncoder().encode('not a zip') }], 'en');
    expect(merged).toMatchObject({ ok: true, value: { applied: true, written: 1, opened: [{ fileName: 'a.maillage', researcher: 'Camille' }], refused: [{ fileName: 'b.maillage' }] } });
    const again = await jobs.merge([{ fileName: 'a.maillage', bytes: made.value.bytes }], 'en');
    expect(again).toMatchObject({ ok: true, value: { applied: false, written: 0 } });
    // The same interviews again, merged by a coordinator who names a colleague's computer: nothing to import, the name learnt.
    const read = readBundle(made.value.bytes, new Date());
    if (!read.ok) throw new Error('read');
    const yanis = { name: 'Portable de Yanis', researcher: 'Yanis Haddad', at: '2026-11-27T18:00:00.000Z' };
    const coordinator = writeBundle({ ...read.value.dataset, devices: new Map([['d-yanis', yanis]]) }, { device: { id: 'merge', name: 'maillage merge' }, researcher: '', time: new Date() });
    const named = await jobs.merge([{ fileName: 'equipe.maillage', bytes: coordinator }], 'en');
    expect(named).toMatchObject({ ok: true, value: { applied: false, written: 0 } });
    const names = await into.devices.names();
    expect(names.ok && names.value.get('d-yanis')).toEqual(yanis);
  });

  it('preview a chosen file, then import it without reading it again — or reading it again where the preview was not kept', async () => {
    const file = await colleagueFile();
    for (const behaviour of ['work', 'crash'] as const) {
      const into = emptyStorage();
      const worker = new FakeWorker(behaviour, into);
      const jobs = createBundleJobs({ database: into.databaseName, exchange: into.exchange, createWorker: () => worker });
      const previewed = await jobs.previewFile(file, 'en');
      if (!previewed.ok || 'refused' in previewed.value) throw new Error('preview');
      expect(previewed.value.preview.interviews.new).toBe(1);
      expect(previewed.value.manifest.researcher).toBe('Camille');
      expect(await into.exchange.exportDataset()).toMatchObject({ ok: true, value: { interviews: new Map() } }); // nothing written yet
      const applied = await jobs.applyFile(file, 'en', previewed.value.token);
      expect(applied).toEqual({ ok: true, value: { written: 1 } });
    }
    // A token that names no kept preview (another one came in between): the file is read again.
    const into = emptyStorage();
    const jobs = createBundleJobs({ database: into.databaseName, exchange: into.exchange, createWorker: () => null });
    const first = await jobs.previewFile(file, 'en');
    await jobs.previewFile({ fileName: 'b.maillage', bytes: new TextEncoder().encode('not a zip') }, 'en');
    expect(first.ok && await jobs.applyFile(file, 'en', first.value.token)).toEqual({ ok: true, value: { written: 1 } });
  });

  it('read a file again when its preview was let go (the researcher cancelled)', async () => {
    const file = await colleagueFile();
    const into = emptyStorage();
    const jobs = createBundleJobs({ database: into.databaseName, exchange: into.exchange, createWorker: () => null });
    const previewed = await jobs.previewFile(file, 'en');
    jobs.forgetFile();
    expect(previewed.ok && await jobs.applyFile(file, 'en', previewed.value.token)).toEqual({ ok: true, value: { written: 1 } });
  });

  it('answer a storage error, never hang, when an import fails unexpectedly', async () => {
    const file = await colleagueFile();
    const into = emptyStorage();
    const broken = { ...into.exchange, applyImport: () => Promise.reject(new Error('disk gone')) };
    const worker = new FakeWorker('fail-job', into);
    const jobs = createBundleJobs({ database: into.databaseName, exchange: broken, createWorker: () => worker });
    const previewed = await jobs.previewFile(file, 'en');
    expect(previewed.ok && await jobs.applyFile(file, 'en', previewed.value.token)).toMatchObject({ ok: false, error: { code: 'unknown' } });
  });

  it('refuse a file that is not a bundle, in the researcher’s language, and write nothing', async () => {
    const into = await storageWithInterview();
    const before = await into.exchange.exportDataset();
    const jobs = createBundleJobs({ database: into.databaseName, exchange: into.exchange, createWorker: () => null });
    const bytes = new TextEncoder().encode('not a zip');
    const french = await jobs.previewFile({ fileName: 'x.maillage', bytes }, 'fr');
    const english = await jobs.applyFile({ fileName: 'x.maillage', bytes }, 'en', 99);
    expect(french.ok && 'refused' in french.value && french.value.refused).toMatch(/lot Maillage|archive/i);
    expect(english.ok && 'refused' in english.value && english.value.refused).toMatch(/Maillage bundle|archive/i);
    expect(await into.exchange.exportDataset()).toEqual(before);
  });
});

describe('restoring a backup as a full replacement, off the page', () => {
  it('puts the database back as the backup had it', async () => {
    const storage = await storageWithInterview();
    const jobs = createBundleJobs({ database: storage.databaseName, exchange: storage.exchange, createWorker: () => null });
    const backup = await jobs.exportAll('Camille');
    if (!backup.ok) throw new Error('backup');
    const list = await storage.interviews.list();
    const id = list.ok ? list.value.interviews[0]?.id ?? '' : '';
    await storage.interviews.remove(id);
    await storage.interviews.create(fields({ respondentName: 'Jean Bouvier' }), form);
    expect(await jobs.replaceWithFile({ fileName: 'backup.maillage', bytes: backup.value.bytes }, 'fr')).toEqual({ ok: true, value: { written: 1 } });
    const after = await storage.interviews.list();
    expect(after.ok && after.value.interviews.map((i) => i.id)).toEqual([id]);
  });
});

describe('background timings', () => {
  it('are the app’s unless the address shortens them for a test', () => {
    expect(readTimings('')).toEqual({ sync: { statePollMs: 5000, listPollMs: 30000, fullListMs: 600000, debounceMs: 5000 }, backupIntervalMs: 600000 });
    expect(readTimings('?syncPollMs=500&syncDebounceMs=200&backupIntervalMs=700')).toEqual({
      sync: { statePollMs: 500, listPollMs: 500, fullListMs: 2000, debounceMs: 200 }, backupIntervalMs: 700,
    });
    expect(readTimings('?syncPollMs=1&backupIntervalMs=abc').sync.statePollMs).toBe(5000);
  });
});
