/**
 * Every bad file of the issue, through the app's own import (preview, then import), a backup's
 * restoring as a full replacement and the shared folder's merge: each refused with what is wrong with it in the researcher's language, and the
 * database left byte for byte as it was.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateInterviewInput } from '../../../core/records/interview';
import { openStorage, type Storage } from '../../../renderer/src/data';
import { openMaillageDb, type MaillageDb } from '../../../renderer/src/data/db';
import { createBundleJobs, type BundleJobs } from '../../../renderer/src/features/sync/bundle-jobs-client';
import { badFileCases } from '../../helpers/bad-bundles';
import { anInterviewInput } from '../../helpers/factories';
import { uniqueDbName } from '../../helpers/fake-db';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json').definition;

/** Every table's rows, as text: the database "byte for byte". */
async function dump(db: MaillageDb): Promise<string> {
  const tables: Record<string, unknown[]> = {};
  for (const table of db.tables) tables[table.name] = await table.toArray();
  return JSON.stringify(tables, (_key, value: unknown) => (value instanceof Uint8Array ? [...value] : value));
}

let storage: Storage;
let raw: MaillageDb;
let jobs: BundleJobs;
let before: string;
beforeAll(async () => {
  storage = openStorage(uniqueDbName());
  const fields = validateInterviewInput(anInterviewInput(), '2026-11-28');
  if (!fields.ok) throw new Error('fixture');
  await storage.interviews.create(fields.value, form);
  // A write-through of what previews leave behind (registers checked, device clock) happens once, before.
  await storage.exchange.exportDataset();
  jobs = createBundleJobs({ database: storage.databaseName, exchange: storage.exchange, createWorker: () => null });
  raw = openMaillageDb(storage.databaseName);
  before = await dump(raw);
});
afterAll(() => {
  raw.close();
  storage.close();
});

describe('a bad file given to the app', () => {
  const now = new Date();
  it.each(badFileCases(now))('%s (%s, told in %s)', async (_name, code, lang, make) => {
    const { bytes, reason } = make();
    const file = { fileName: `${code}.maillage`, bytes };

    const preview = await jobs.previewFile(file, lang);
    expect(preview).toMatchObject({ ok: true, value: { refused: reason } });
    const applied = await jobs.applyFile(file, lang, preview.ok ? preview.value.token : 0);
    expect(applied).toEqual({ ok: true, value: { refused: reason } });
    // Restoring it as a backup, as a full replacement: refused before anything is cleared.
    expect(await jobs.replaceWithFile(file, lang)).toEqual({ ok: true, value: { refused: reason } });
    const merged = await jobs.merge([file], lang);
    expect(merged).toMatchObject({ ok: true, value: { refused: [{ fileName: file.fileName, reason }], applied: false } });
    expect(await dump(raw)).toBe(before);
  });
});
