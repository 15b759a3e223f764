/** The browser variant's backups in IndexedDB, the full replacement of a restore, the change feed. */
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { validateInterviewInput, type InterviewFields } from '../../../core/records/interview';
import { createBackupVault } from '../../../renderer/src/data/backups';
import { createChangeFeed } from '../../../renderer/src/data/changes';
import { exportDataset } from '../../../renderer/src/data/exchange';
import { replaceAll } from '../../../renderer/src/data/replace';
import { origin } from '../../helpers/bundles';
import { anInterviewInput } from '../../helpers/factories';
import { openTestStore } from '../../helpers/fake-db';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json').definition;
const now = () => Date.parse('2026-11-28T10:00:00.000Z');
const always = () => true;

function fields(overrides = {}): InterviewFields {
  const result = validateInterviewInput(anInterviewInput(overrides), '2026-11-28');
  if (!result.ok) throw new Error('factory input should be valid');
  return result.value;
}

describe('backups in IndexedDB', () => {
  it('keeps each backup with its name, date, size and count, newest first, and reads it back', async () => {
    const { db } = openTestStore();
    let clock = now();
    const vault = createBackupVault(db, () => new Date(clock));
    expect(await vault.write(new Uint8Array([1, 2, 3]), 2)).toEqual({ ok: true, value: { file: 'maillage-20261128T100000000Z-2.maillage', createdAt: '2026-11-28T10:00:00.000Z', size: 3, interviews: 2 } });
    clock += 60_000;
    await vault.write(new Uint8Array([4]), 3);
    const listed = await vault.list();
    expect(listed.ok && listed.value.map((b) => b.interviews)).toEqual([3, 2]);
    expect(await vault.read('maillage-20261128T100000000Z-2.maillage')).toEqual({ ok: true, value: new Uint8Array([1, 2, 3]) });
    expect(await vault.read('maillage-20261128T090000000Z-2.maillage')).toEqual({ ok: true, value: null });
  });

  it('prunes by the same rotation as on disk, bytes included', async () => {
    const { db } = openTestStore();
    let clock = now();
    const vault = createBackupVault(db, () => new Date(clock));
    for (let i = 0; i < 25; i++) {
      clock += 60_000;
      await vault.write(new Uint8Array([i]), i);
    }
    expect(await db.backups.count()).toBe(20);
    expect(await db.backupData.count()).toBe(20);
  });
});

describe('replacing everything with a backup', () => {
  it('brings back a deleted interview, clears what came after, in one go', async () => {
    const store = openTestStore();
    const kept = await store.repo.create(fields({ respondentName: 'Élodie Perrin' }), form);
    if (!kept.ok) throw new Error('create');
    const backup = await exportDataset(store.db, now);
    if (!backup.ok) throw new Error('export');
    const read = readBundle(writeBundle(backup.value, origin), new Date(now()));
    if (!read.ok) throw new Error(read.error.code);
    await store.repo.remove(kept.value.id);
    await store.repo.create(fields({ respondentName: 'Paul Blanc' }), form);

    const replaced = await replaceAll(store.db, now, read.value.dataset, always);
    expect(replaced).toMatchObject({ ok: true, value: { written: 1 } });
    const list = await store.repo.list();
    expect(list.ok && list.value.interviews.map((i) => i.respondentName)).toEqual(['Élodie Perrin']);
    expect(await store.db.tombstones.count()).toBe(0);
    const got = await store.repo.get(kept.value.id);
    expect(got.ok && got.value?.firmName).toBe('Moules Perrin SARL');
  });

  it('changes nothing when the apply fails', async () => {
    const store = openTestStore();
    await store.repo.create(fields({ respondentName: 'Élodie Perrin' }), form);
    const backup = await exportDataset(store.db, now);
    if (!backup.ok) throw new Error('export');
    const withForm = { ...backup.value, forms: new Map([['tiny@1', { key: 'tiny@1', fileName: 'tiny.json', source: '{}' }]]) };
    await store.repo.create(fields({ respondentName: 'Paul Blanc' }), form);
    const failing = () => { throw new Error('disk gone mid-way'); };
    expect(await replaceAll(store.db, now, withForm, failing)).toMatchObject({ ok: false });
    const list = await store.repo.list();
    expect(list.ok && list.value.interviews.map((i) => i.respondentName).sort()).toEqual(['Paul Blanc', 'Élodie Perrin']);
  });
});

describe('the change feed', () => {
  it('hears interview writes and deletions, not reads nor other tables', async () => {
    const store = openTestStore();
    const feed = createChangeFeed(store.db);
    const heard = vi.fn();
    const unsubscribe = feed.subscribe(heard);
    const created = await store.repo.create(fields(), form);
    await vi.waitFor(() => { expect(heard).toHaveBeenCalled(); });
    heard.mockClear();
    await store.repo.list();
    await createBackupVault(store.db, () => new Date(now())).write(new Uint8Array([1]), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).not.toHaveBeenCalled();
    if (created.ok) await store.repo.remove(created.value.id);
    await vi.waitFor(() => { expect(heard).toHaveBeenCalled(); });
    unsubscribe();
    heard.mockClear();
    await store.repo.create(fields(), form);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(heard).not.toHaveBeenCalled();
  });
});
