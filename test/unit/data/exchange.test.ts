import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { emptyDataset, mergeDatasets } from '../../../core/exchange/bundle/dataset';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { validateInterviewInput, type InterviewFields } from '../../../core/records/interview';
import { applyImport, exportDataset, previewImport } from '../../../renderer/src/data/exchange';
import { createDeviceStore } from '../../../renderer/src/data/devices';
import { replaceAll } from '../../../renderer/src/data/replace';
import { origin } from '../../helpers/bundles';
import { anInterviewInput } from '../../helpers/factories';
import { openTestStore, type TestStore } from '../../helpers/fake-db';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json').definition;
const now = () => Date.parse('2026-11-28T10:00:00.000Z');
const always = () => true;

function fields(overrides = {}): InterviewFields {
  const result = validateInterviewInput(anInterviewInput(overrides), '2026-11-28');
  if (!result.ok) throw new Error('factory input should be valid');
  return result.value;
}

async function bundleOf(store: TestStore) {
  const dataset = await exportDataset(store.db, now);
  if (!dataset.ok) throw new Error('export failed');
  const read = readBundle(writeBundle(dataset.value, origin), new Date(now()));
  if (!read.ok) throw new Error(read.error.code);
  return read.value.dataset;
}

/** Camille creates an interview; Maite imports it. */
async function oneInterviewOnTwoLaptops() {
  const camille = openTestStore();
  const created = await camille.repo.create(fields(), form);
  if (!created.ok) throw new Error('create');
  const maite = openTestStore();
  await applyImport(maite.db, now, await bundleOf(camille), always);
  return { camille, maite, id: created.value.id };
}

describe('fields of a newer minor version', () => {
  it('keeps them through import, local edits, undoing a deletion and export', async () => {
    const camille = openTestStore();
    const created = await camille.repo.create(fields(), form);
    const other = await camille.repo.create(fields({ firmName: 'Usinage Favre' }), form);
    if (!created.ok || !other.ok) throw new Error('create');
    await camille.repo.remove(other.value.id);
    const sent = await bundleOf(camille);
    const record = sent.interviews.get(created.value.id);
    const tombstone = sent.tombstones.get(other.value.id);
    if (!record || !tombstone) throw new Error('bundle');
    const tiny = { key: 'tiny@1', fileName: 'tiny-v1.json', source: readFileSync('test/fixtures/forms/tiny-v1.json', 'utf8'), signedBy: 'the coordinator' };
    const newer = {
      interviews: new Map([[record.id, { ...record, photoRef: 'att-12' }]]),
      tombstones: new Map([[tombstone.id, { ...tombstone, why: 'duplicate' }]]),
      forms: new Map([[tiny.key, tiny]]),
    };

    const maite = openTestStore();
    await applyImport(maite.db, now, newer, always);
    await maite.repo.saveAnswer(record.id, { name: 'c_sector' }, 'Décolletage', form, 'Maite');
    const removed = await maite.repo.remove(record.id);
    if (!removed.ok || !removed.value) throw new Error('remove');
    await maite.repo.restore(removed.value);

    const again = await bundleOf(maite);
    expect(again.interviews.get(record.id)).toMatchObject({ photoRef: 'att-12' });
    expect(again.tombstones.get(tombstone.id)).toEqual({ id: tombstone.id, kind: 'interview', hlc: tombstone.hlc, why: 'duplicate' });
    expect(again.forms.get(tiny.key)).toEqual(tiny);
  });
});

describe('importing the same bundle twice', () => {
  it('changes nothing the second time, not even the clock', async () => {
    const camille = openTestStore();
    await camille.repo.create(fields(), form);
    const bundle = await bundleOf(camille);
    const maite = openTestStore();
    await applyImport(maite.db, now, bundle, always);
    const dump = async () => JSON.stringify(await Promise.all(maite.db.tables.map((table) => table.toArray())));
    const once = await dump();
    await applyImport(maite.db, now, bundle, always);
    expect(await dump()).toBe(once);
  });

  it('changes nothing either when the receiver has edited the interview since, and writes no deletion it knows', async () => {
    const camille = openTestStore();
    const created = await camille.repo.create(fields(), form);
    const gone = await camille.repo.create(fields({ firmName: 'Usinage Favre' }), form);
    if (!created.ok || !gone.ok) throw new Error('create');
    await camille.repo.remove(gone.value.id);
    const bundle = await bundleOf(camille);
    const maite = openTestStore();
    await applyImport(maite.db, now, bundle, always);
    await maite.repo.saveAnswer(created.value.id, { name: 'c_sector' }, 'Décolletage', form, 'Maite');
    const dump = async () => JSON.stringify(await Promise.all(maite.db.tables.map((table) => table.toArray())));
    const before = await dump();
    const putTombstones = vi.spyOn(maite.db.tombstones, 'bulkPut');
    const again = await applyImport(maite.db, now, bundle, always);
    expect(again.ok && again.value.written).toBe(0);
    expect(putTombstones.mock.calls.flatMap(([rows]) => [...rows])).toEqual([]);
    putTombstones.mockRestore();
    expect(await dump()).toBe(before);
  });
});

describe('exporting a selection', () => {
  it('carries every deletion, so that a deleted interview stays deleted for whoever gets it', async () => {
    const camille = openTestStore();
    const kept = await camille.repo.create(fields({ networkName: 'Eurosima' }), form);
    const gone = await camille.repo.create(fields({ networkName: 'Mont-Blanc Industries' }), form);
    if (!kept.ok || !gone.ok) throw new Error('create');
    const maite = openTestStore();
    await applyImport(maite.db, now, await bundleOf(camille), always);
    await camille.repo.remove(gone.value.id);
    const selected = await exportDataset(camille.db, now, (s) => s.networkName === 'Eurosima');
    if (!selected.ok) throw new Error('export');
    expect([...selected.value.interviews.keys()]).toEqual([kept.value.id]);
    expect([...selected.value.tombstones.keys()]).toEqual([gone.value.id]);
    await applyImport(maite.db, now, selected.value, always);
    const left = await maite.repo.list();
    expect(left.ok && left.value.interviews.map((i) => i.id)).toEqual([kept.value.id]);
  });
});

describe('importing after a preview', () => {
  async function twoLaptops() {
    const camille = openTestStore();
    const created = await camille.repo.create(fields(), form);
    if (!created.ok) throw new Error('create');
    const id = created.value.id;
    await camille.repo.saveAnswer(id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    const maite = openTestStore();
    const first = await bundleOf(camille);
    await applyImport(maite.db, now, first, always);
    return { camille, maite, id, again: await bundleOf(camille) };
  }

  it('does not read again what the preview found already here, and keeps a change made in between', async () => {
    const { maite, id, again } = await twoLaptops();
    expect(await previewImport(maite.db, now, again)).toMatchObject({ ok: true, value: { interviews: { unchanged: 1 } } });
    maite.tick();
    await maite.repo.saveAnswer(id, { name: 'c_sector' }, 'Plasturgie', form, 'Maite');
    const bulkGet = vi.spyOn(maite.db.interviewData, 'bulkGet');
    const applied = await applyImport(maite.db, now, again, always);
    expect(applied).toMatchObject({ ok: true, value: { written: 0, preview: { interviews: { unchanged: 1 } } } });
    expect(bulkGet.mock.calls.flatMap(([ids]) => ids)).not.toContain(id);
    const got = await maite.repo.get(id);
    expect(got.ok && got.value?.answers['c_sector']).toBe('Plasturgie');
  });

  it('reads everything again when the database was replaced by a backup since the preview', async () => {
    const { maite, again } = await twoLaptops();
    await previewImport(maite.db, now, again);
    const replaced = await replaceAll(maite.db, now, { interviews: new Map(), tombstones: new Map(), forms: new Map() }, always);
    expect(replaced.ok).toBe(true);
    const applied = await applyImport(maite.db, now, again, always);
    expect(applied).toMatchObject({ ok: true, value: { written: 1 } });
  });
});

describe('exchanging bundles between two laptops', () => {
  it('brings one researcher’s interviews, answers included, into another’s database', async () => {
    const camille = openTestStore();
    const created = await camille.repo.create(fields(), form);
    if (!created.ok) throw new Error('create');
    await camille.repo.saveAnswer(created.value.id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    const maite = openTestStore();
    const incoming = await bundleOf(camille);
    expect(await previewImport(maite.db, now, incoming)).toMatchObject({ ok: true, value: { interviews: { new: 1, updated: 0 } } });
    const applied = await applyImport(maite.db, now, incoming, always);
    expect(applied.ok && applied.value.written).toBe(1);
    const got = await maite.repo.get(created.value.id);
    expect(got.ok && got.value?.answers['c_sector']).toBe('Décolletage');
    expect(got.ok && got.value?.firmName).toBe('Moules Perrin SARL');
    expect(await previewImport(maite.db, now, incoming)).toMatchObject({ ok: true, value: { interviews: { new: 0, unchanged: 1 } } });
    // Importing the same bundle again writes nothing: what the merge leaves as it was stays untouched.
    const again = await applyImport(maite.db, now, incoming, always);
    expect(again.ok && again.value.written).toBe(0);
  });

  it('shows a conflict when both changed the same answer, and merges different answers', async () => {
    const { camille, maite, id } = await oneInterviewOnTwoLaptops();
    await camille.repo.saveAnswer(id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    await camille.repo.saveAnswer(id, { name: 'c_commune' }, 'Cluses', form, 'Camille');
    await maite.repo.saveAnswer(id, { name: 'c_sector' }, 'Mécanique', form, 'Maite');
    const preview = await previewImport(maite.db, now, await bundleOf(camille));
    expect(preview.ok && preview.value.interviews).toMatchObject({ updated: 1, conflicts: 1 });
    await applyImport(maite.db, now, await bundleOf(camille), always);
    const data = await maite.db.interviewData.get(id);
    expect(data?.registers['answers.c_sector']?.map((v) => v.value).sort()).toEqual(['Décolletage', 'Mécanique']);
    expect(data?.answers['c_commune']).toBe('Cluses');
  });

  it('carries deletions, and a deleted interview never comes back', async () => {
    const camille = openTestStore();
    const created = await camille.repo.create(fields(), form);
    if (!created.ok) throw new Error('create');
    const maite = openTestStore();
    await applyImport(maite.db, now, await bundleOf(camille), always);
    const old = await bundleOf(camille);
    await camille.repo.remove(created.value.id);
    await applyImport(maite.db, now, await bundleOf(camille), always);
    expect(await maite.repo.get(created.value.id)).toEqual({ ok: true, value: null });
    await applyImport(maite.db, now, old, always);
    expect(await maite.repo.get(created.value.id)).toEqual({ ok: true, value: null });
  });

  it('imports all or nothing: a failure midway leaves the database unchanged', async () => {
    const camille = openTestStore();
    for (const name of ['A', 'B', 'C']) await camille.repo.create(fields({ respondentName: name }), form);
    const maite = openTestStore();
    const before = await maite.db.interviews.count();
    const spy = vi.spyOn(maite.db.interviewData, 'bulkPut').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    const result = await applyImport(maite.db, now, await bundleOf(camille), always);
    spy.mockRestore();
    expect(!result.ok && result.error.code).toBe('quota');
    expect(await maite.db.interviews.count()).toBe(before);
  });
});

describe('conflicts', () => {
  it('lists both values and settles them with the researcher’s choice, which travels', async () => {
    const { createConflictStore } = await import('../../../renderer/src/data/conflicts');
    const { camille, maite, id } = await oneInterviewOnTwoLaptops();
    await camille.repo.saveAnswer(id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    await maite.repo.saveAnswer(id, { name: 'c_sector' }, 'Mécanique', form, 'Maite');
    await applyImport(maite.db, now, await bundleOf(camille), always);
    const store = createConflictStore(maite.db, now);
    const listed = await store.list();
    expect(listed.ok && listed.value.map((c) => [c.path, c.versions.map((v) => v.value).sort()])).toEqual([['answers.c_sector', ['Décolletage', 'Mécanique']]]);
    expect(await store.resolve(id, ['answers.c_sector'], 'Mécanique de précision', 'Maite')).toEqual({ ok: true, value: true });
    expect(await store.list()).toEqual({ ok: true, value: [] });
    // Both values set aside are in the history, with who chose.
    const history = await maite.repo.history(id);
    expect(history.ok && history.value.filter((e) => e.field === 'c_sector' && e.newValue === 'Mécanique de précision').map((e) => [e.oldValue, e.who]).sort()).toEqual([['Décolletage', 'Maite'], ['Mécanique', 'Maite']]);
    const got = await maite.repo.get(id);
    expect(got.ok && got.value?.answers['c_sector']).toBe('Mécanique de précision');
    await applyImport(camille.db, now, await bundleOf(maite), always);
    const theirs = await camille.repo.get(id);
    expect(theirs.ok && theirs.value?.answers['c_sector']).toBe('Mécanique de précision');
    expect(await createConflictStore(camille.db, now).list()).toEqual({ ok: true, value: [] });
  });

  it('counts a conflict that arrives with a new interview (a coordinator’s merge of two colleagues’ versions)', async () => {
    const { camille, maite, id } = await oneInterviewOnTwoLaptops();
    await camille.repo.saveAnswer(id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    await maite.repo.saveAnswer(id, { name: 'c_sector' }, 'Mécanique', form, 'Maite');
    const merged = mergeDatasets(await bundleOf(camille), await bundleOf(maite));
    const newcomer = openTestStore();
    const preview = await previewImport(newcomer.db, now, merged);
    expect(preview.ok && preview.value.interviews).toMatchObject({ new: 1, conflicts: 1 });
    const applied = await applyImport(newcomer.db, now, merged, always);
    expect(applied.ok && applied.value.preview.interviews).toMatchObject({ new: 1, conflicts: 1 });
  });
});

describe('the names of other computers', () => {
  it('are learnt from every bundle imported and passed on in every bundle written, so that a conflict shows who wrote it', async () => {
    const yanis = openTestStore();
    const created = await yanis.repo.create(fields(), form);
    if (!created.ok) throw new Error('create');
    const sent = await exportDataset(yanis.db, now);
    if (!sent.ok) throw new Error('export');
    // A coordinator's merge: written by `merge`, naming Yanis's computer in its directory.
    const coordinator = { device: { id: 'merge', name: 'maillage merge' }, researcher: '', time: new Date(now()) };
    const named = { ...sent.value, devices: new Map([['d-yanis', { name: 'Portable de Yanis', researcher: 'Yanis Haddad', at: '2026-11-27T18:00:00.000Z' }]]) };
    const read = readBundle(writeBundle(named, coordinator), new Date(now()));
    if (!read.ok) throw new Error(read.error.code);

    const camille = openTestStore();
    const devices = createDeviceStore(camille.db);
    expect(await devices.names()).toEqual({ ok: true, value: new Map() });
    expect((await applyImport(camille.db, now, read.value.dataset, always)).ok).toBe(true);
    const names = await devices.names();
    expect(names.ok && names.value.get('d-yanis')?.name).toBe('Portable de Yanis');
    expect(names.ok && names.value.get('merge')?.name).toBe('maillage merge');
    // Camille's own bundles name Yanis's computer to whoever she sends them to.
    const hers = await exportDataset(camille.db, now);
    const passed = hers.ok && readBundle(writeBundle(hers.value, { ...origin, device: { id: 'd-camille', name: 'Laptop of Camille' } }), new Date(now()));
    expect(passed && passed.ok && passed.value.manifest.devices?.find((d) => d.id === 'd-yanis')?.researcher).toBe('Yanis Haddad');
    // An older label does not replace a newer one.
    const older = { ...emptyDataset, devices: new Map([['d-yanis', { name: 'Old name', researcher: 'Yanis Haddad', at: '2026-10-01T00:00:00.000Z' }]]) };
    expect((await applyImport(camille.db, now, older, always)).ok).toBe(true);
    const after = await devices.names();
    expect(after.ok && after.value.get('d-yanis')?.name).toBe('Portable de Yanis');
  });
});
