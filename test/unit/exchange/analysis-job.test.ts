/** The app's analysis export: from the database (or a selection) to the files core/exports makes, off the page. */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { analysisExport } from '../../../core/exports/analysis-files';
import { validateInterviewInput, type InterviewFields, type InterviewInput } from '../../../core/records/interview';
import { ok } from '../../../core/shared/result';
import { openStorage, type Storage } from '../../../renderer/src/data';
import { createAnalysisExportStore } from '../../../renderer/src/data/analysis-exports';
import { openMaillageDb } from '../../../renderer/src/data/db';
import { runAnalysis, transferableFiles, type AnalysisOutcome, type AnalysisRequest } from '../../../renderer/src/features/exchange/analysis-job';
import { savedFileOf } from '../../../renderer/src/features/exchange/analysis-files';
import { everything } from '../../../renderer/src/features/exchange/selection';
import { datasetOf } from '../../helpers/bundles';
import { aTinyInterview, builtInForm } from '../../helpers/exports';
import { anInterviewInput } from '../../helpers/factories';
import { uniqueDbName } from '../../helpers/fake-db';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json').definition;
const storages: Storage[] = [];
afterEach(() => { for (const s of storages.splice(0)) s.close(); });

function fields(overrides: InterviewInput = {}): InterviewFields {
  const result = validateInterviewInput(anInterviewInput(overrides), '2026-11-28');
  if (!result.ok) throw new Error('factory input should be valid');
  return result.value;
}

const secret = 'a project secret of 32 bytes....';
const request = (overrides: Partial<AnalysisRequest> = {}): AnalysisRequest => ({
  selection: everything, format: 'csv', labels: 'codes', bom: false, secret, today: '2026-11-28', time: '2026-11-28T10:00:00.000Z', ...overrides,
});

async function storageWith(...inputs: InterviewInput[]): Promise<Storage> {
  const storage = openStorage(uniqueDbName());
  storages.push(storage);
  for (const input of inputs) await storage.interviews.create(fields(input), form);
  return storage;
}

function made(outcome: AnalysisOutcome) {
  if (outcome.kind !== 'made') throw new Error(`expected files, got ${outcome.kind}`);
  return outcome;
}

/** A file of the export: the one saved, or one inside the zip. */
function fileBytes(outcome: AnalysisOutcome, name: string): Uint8Array | undefined {
  const { file } = made(outcome);
  return file.extension === 'zip' ? unzipSync(file.bytes)[name] : file.name === name ? file.bytes : undefined;
}
const fileText = (outcome: AnalysisOutcome, name: string) => new TextDecoder().decode(fileBytes(outcome, name));

describe('the analysis export job', () => {
  it('gives the files core/exports gives for the same interviews, pseudonymised', async () => {
    const storage = await storageWith({ firmName: 'Moules Perrin' }, { firmName: 'Décolletage Bouvier', networkName: 'Eurosima' });
    const result = await runAnalysis(storage.exchange, request());
    if (!result.ok) throw new Error('job');
    const outcome = made(result.value);
    expect(outcome.exported).toBe(2);
    expect(outcome.fileNames).toEqual(['spl-cooperation-v1__main.csv', 'spl-cooperation-v1__l_ties.csv', 'spl-cooperation-v1__dictionary.csv']);
    expect(outcome.file.name).toBe('maillage-csv-2026-11-28.zip');
    const main = fileText(outcome, 'spl-cooperation-v1__main.csv');
    expect(main).not.toContain('Moules Perrin');
    expect(main).toMatch(/F-[0-9a-f]{6}/);

    const list = await storage.interviews.list();
    if (!list.ok) throw new Error('list');
    const interviews = await Promise.all(list.value.interviews.map(async (s) => {
      const got = await storage.interviews.get(s.id);
      if (!got.ok || !got.value) throw new Error('get');
      return got.value;
    }));
    const direct = await analysisExport(new Map([['spl-cooperation@1', builtInForm()]]), interviews, {
      labels: 'codes', privacy: { mode: 'pseudonymised', secret: new TextEncoder().encode(secret) }, today: '2026-11-28', format: 'csv', bom: false, time: new Date(0),
    });
    if (!direct.ok) throw new Error('direct');
    expect(direct.value.files.map((f) => new TextDecoder().decode(f.bytes))).toEqual(outcome.fileNames.map((name) => fileText(outcome, name)));
  });

  it('takes only the selection, and leaves deleted interviews out', async () => {
    const storage = await storageWith({ firmName: 'Moules Perrin', networkName: 'Mont-Blanc Industries' }, { firmName: 'Décolletage Bouvier', networkName: 'Eurosima' }, { firmName: 'Usinage Favre', networkName: 'Eurosima', interviewDate: '2026-05-20' });
    const selected = await runAnalysis(storage.exchange, request({ selection: { ...everything, network: 'Eurosima', to: '2026-04-30' }, secret: null }));
    if (!selected.ok) throw new Error('job');
    expect(made(selected.value).exported).toBe(1);
    expect(fileText(selected.value, 'spl-cooperation-v1__main.csv')).toContain('Décolletage Bouvier');

    const list = await storage.interviews.list();
    if (!list.ok) throw new Error('list');
    const favre = list.value.interviews.find((i) => i.firmName === 'Usinage Favre');
    await storage.interviews.remove(favre?.id ?? '');
    const all = await runAnalysis(storage.exchange, request({ secret: null }));
    if (!all.ok) throw new Error('job');
    expect(made(all.value).exported).toBe(2);
    expect(fileText(all.value, 'spl-cooperation-v1__main.csv')).not.toContain('Usinage Favre');
  });

  it('writes names in clear only in an identified export', async () => {
    const storage = await storageWith({ firmName: 'Moules Perrin' });
    const result = await runAnalysis(storage.exchange, request({ secret: null, format: 'xlsx', labels: 'en' }));
    if (!result.ok) throw new Error('job');
    const workbook = made(result.value).file;
    expect(workbook.name).toBe('spl-cooperation-v1.xlsx');
    expect(new TextDecoder().decode(unzipSync(workbook.bytes)['xl/sharedStrings.xml'])).toContain('Moules Perrin');
  });

  it('says when there is nothing to export, when the secret is too short, and which forms are missing or broken', async () => {
    const empty = await storageWith();
    expect(await runAnalysis(empty.exchange, request())).toEqual(ok({ kind: 'nothing' }));
    const one = await storageWith({});
    expect(await runAnalysis(one.exchange, request({ secret: 'short' }))).toEqual(ok({ kind: 'weak-secret', minBytes: 16 }));

    const tiny = aTinyInterview('01990000-0000-7000-8000-000000000001', { t_name: 'x' });
    const broken = { ...datasetOf([tiny]), forms: new Map([['tiny@1', { key: 'tiny@1', fileName: 'tiny.json', source: '{ not json' }]]) };
    const result = await runAnalysis({ exportDataset: () => Promise.resolve(ok(broken)) }, request());
    if (!result.ok) throw new Error('job');
    // Said once, as broken (not also as missing).
    expect(result.value).toEqual({ kind: 'nothing', brokenForms: ['tiny@1'], missingForms: [{ formKey: 'tiny@1', interviewIds: [tiny.id] }] });
    const withAnother = { ...broken, interviews: new Map([...broken.interviews, ...datasetOf([aTinyInterview('01990000-0000-7000-8000-000000000002', {}, { formId: 'spl-cooperation' })]).interviews]) };
    const some = await runAnalysis({ exportDataset: () => Promise.resolve(ok(withAnother)) }, request());
    if (!some.ok) throw new Error('job');
    expect(some.value).toMatchObject({ kind: 'made', exported: 1, brokenForms: ['tiny@1'], missingForms: [] });

    const installed = { ...broken, forms: new Map([['tiny@1', { key: 'tiny@1', fileName: 'tiny.json', source: readFileSync('test/fixtures/forms/tiny-v1.json', 'utf8') }]]) };
    const fine = await runAnalysis({ exportDataset: () => Promise.resolve(ok(installed)) }, request());
    if (!fine.ok) throw new Error('job');
    expect(made(fine.value).fileNames).toContain('tiny-v1__main.csv');
  });

  it('hands the file’s buffer over only when the file has it to itself', () => {
    const own = new Uint8Array(4);
    const outcome = (bytes: Uint8Array): AnalysisOutcome => ({ kind: 'made', exported: 1, missingForms: [], brokenForms: [], fileNames: ['a.csv'], file: { name: 'a.csv', bytes, extension: 'csv' } });
    expect(transferableFiles(outcome(own))).toEqual([own.buffer]);
    expect(transferableFiles(outcome(new Uint8Array(8).subarray(0, 4)))).toEqual([]);
    expect(transferableFiles({ kind: 'nothing' })).toEqual([]);
  });
});

describe('saving an analysis export', () => {
  const time = new Date('2026-11-28T10:00:00.000Z');
  it('saves one file as it is, and several in one zip that is the same for the same export', () => {
    const csv = { fileName: 'f-v1__dictionary.csv', bytes: new Uint8Array([1]) };
    expect(savedFileOf([csv], 'dictionary', '2026-11-28', time)).toEqual({ name: 'f-v1__dictionary.csv', bytes: csv.bytes, extension: 'csv' });
    expect(savedFileOf([{ fileName: 'f-v1.xlsx', bytes: new Uint8Array([2]) }], 'xlsx', '2026-11-28', time)?.extension).toBe('xlsx');
    expect(savedFileOf([], 'csv', '2026-11-28', time)).toBeNull();
    const files = [{ fileName: 'f-v1__main.csv', bytes: new Uint8Array([3]) }, csv];
    const zipped = savedFileOf(files, 'csv', '2026-11-28', time);
    expect(zipped?.name).toBe('maillage-csv-2026-11-28.zip');
    expect(Object.keys(unzipSync(zipped?.bytes ?? new Uint8Array()))).toEqual(['f-v1__main.csv', 'f-v1__dictionary.csv']);
    expect(savedFileOf(files, 'csv', '2026-11-28', time)?.bytes).toEqual(zipped?.bytes);
  });
});

describe('the secret and the log of analysis exports', () => {
  it('makes the secret once, keeps the team’s instead when given, and lists exports newest first', async () => {
    const db = openMaillageDb(uniqueDbName());
    let made = 0;
    const store = createAnalysisExportStore(db, () => `secret-${String(++made)}-of-this-computer`);
    const first = await store.secret();
    expect(first).toEqual(ok({ text: 'secret-1-of-this-computer', origin: 'this-computer' }));
    expect(await store.secret()).toEqual(first);
    expect(await store.useTeamSecret('the team secret, 32 bytes long..')).toEqual(ok({ text: 'the team secret, 32 bytes long..', origin: 'team-file' }));
    expect(await store.secret()).toEqual(ok({ text: 'the team secret, 32 bytes long..', origin: 'team-file' }));

    expect(await store.formerSecrets()).toEqual(ok([{ text: 'secret-1-of-this-computer', origin: 'this-computer' }]));

    expect(await store.log()).toEqual(ok([]));
    const entry = { id: 'e1', time: '2026-11-28T10:00:00.000Z', identified: false, format: 'csv', labels: 'codes', interviews: 2, researcher: 'Camille Roux', location: 'a.zip', outcome: 'offered' } as const;
    await store.record(entry);
    await store.record({ ...entry, id: 'e2', time: '2026-11-28T11:00:00.000Z', identified: true, location: 'b.xlsx' });
    await store.settle('e1', 'saved', '/home/camille/a.zip');
    await store.settle('e2', 'cancelled');
    const log = await store.log();
    expect(log.ok && log.value.map((e) => [e.id, e.outcome, e.location])).toEqual([['e2', 'cancelled', 'b.xlsx'], ['e1', 'saved', '/home/camille/a.zip']]);
    db.close();
  });

  it('reads a damaged secret or log as none, without failing', async () => {
    const db = openMaillageDb(uniqueDbName());
    await db.meta.bulkPut([{ key: 'pseudonymSecret', value: 42 }, { key: 'exportLog', value: [null, { time: 1 }, 'x'] }]);
    const store = createAnalysisExportStore(db, () => 'a new secret for this computer..');
    expect(await store.currentSecret()).toEqual(ok(null));
    expect(await store.secret()).toEqual(ok({ text: 'a new secret for this computer..', origin: 'this-computer' }));
    expect(await store.log()).toEqual(ok([]));
    db.close();
  });
});
