import 'fake-indexeddb/auto';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openMaillageDb } from '../../../renderer/src/data/db';
import { createInterviewRepository } from '../../../renderer/src/data/interviews';
import { latestSchemaVersion, migrations } from '../../../renderer/src/data/migrations';
import { uniqueDbName } from '../../helpers/fake-db';
import { exportDataset } from '../../../renderer/src/data/exchange';

/** Dexie stores version N as IndexedDB version N × 10. */
const idbVersion = (dexieVersion: number) => dexieVersion * 10;

/** Writes a database exactly as a released version of the app left it, with raw IndexedDB. */
function writeReleasedDatabase(name: string, version: number, stores: Record<string, { keyPath: string; indexes: string[] }>, rows: Record<string, unknown[]>): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, idbVersion(version));
    request.onupgradeneeded = () => {
      for (const [table, spec] of Object.entries(stores)) {
        const store = request.result.createObjectStore(table, { keyPath: spec.keyPath });
        for (const index of spec.indexes) store.createIndex(index, index);
      }
    };
    request.onerror = () => { reject(request.error ?? new Error('open failed')); };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(Object.keys(rows), 'readwrite');
      for (const [table, records] of Object.entries(rows)) {
        for (const record of records) tx.objectStore(table).put(record);
      }
      tx.oncomplete = () => { db.close(); resolve(); };
      tx.onerror = () => { reject(tx.error ?? new Error('write failed')); };
    };
  });
}

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gap, one file each', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    const files = readdirSync('renderer/src/data/migrations').filter((f) => /^\d{3}-.+\.ts$/.test(f));
    expect(files.map((f) => Number(f.slice(0, 3)))).toEqual(migrations.map((m) => m.version));
  });

  it('brings a fresh database to the latest version', async () => {
    const db = openMaillageDb(uniqueDbName());
    await db.open();
    expect(db.verno).toBe(latestSchemaVersion);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['backupData', 'backups', 'forms', 'history', 'interviewData', 'interviews', 'meta', 'tombstones']);
    db.close();
  });

  it('opens a database written by schema version 1 and reads its interviews', async () => {
    const name = uniqueDbName();
    const rows = JSON.parse(readFileSync('test/fixtures/db/v1-interviews.json', 'utf8')) as unknown[];
    await writeReleasedDatabase(name, 1, { interviews: { keyPath: 'id', indexes: ['interviewDate', 'updatedAt'] } }, { interviews: rows });
    const db = openMaillageDb(name);
    const repo = createInterviewRepository(db, { clock: { now: () => new Date() }, newId: () => 'x' });
    const list = await repo.list();
    expect(list.ok && list.value.interviews.map((i) => i.respondentName)).toEqual(['Sophie Martin', 'Jean-Baptiste Etcheverry']);
    expect(list.ok && list.value.unreadable).toBe(1);
    db.close();
  });

  it('migrates version 1 interviews: the built-in form v1, draft, cover fields as answers kept apart from the summary', async () => {
    const name = uniqueDbName();
    const rows = JSON.parse(readFileSync('test/fixtures/db/v1-interviews.json', 'utf8')) as unknown[];
    await writeReleasedDatabase(name, 1, { interviews: { keyPath: 'id', indexes: ['interviewDate', 'updatedAt'] } }, { interviews: rows });
    const db = openMaillageDb(name);
    const id = '0192f0a0-0000-7000-8000-000000000002';
    const summary = await db.interviews.get(id);
    expect(summary).toMatchObject({ formId: 'spl-cooperation', formVersion: 1, status: 'draft', firmName: 'Décolletage du Faucigny' });
    expect(summary).not.toHaveProperty('answers');
    expect(await db.interviewData.get(id)).toEqual({
      id,
      answers: { a_interviewer: 'Camille Roux', a_date: '2026-05-19', a_commune: 'Marnaz', c_firm_name: 'Décolletage du Faucigny', e_network_name: 'Mont-Blanc Industries' },
      registers: {},
    });
    // The first export stamps it once, so that it travels; the database then says none is left.
    expect((await db.meta.get('registersChecked'))?.value).toBeUndefined();
    const exported = await exportDataset(db, () => Date.parse('2026-11-28T10:00:00.000Z'));
    expect(exported.ok && exported.value.interviews.get(id)?.fields['answers.c_firm_name']?.[0]?.value).toBe('Décolletage du Faucigny');
    expect((await db.meta.get('registersChecked'))?.value).toBe(true);
    db.close();
  });

  it('creates a new database knowing it has no interview without merge registers', async () => {
    const db = openMaillageDb(uniqueDbName());
    expect((await db.meta.get('registersChecked'))?.value).toBe(true);
    db.close();
  });
});
