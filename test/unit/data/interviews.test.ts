import { describe, expect, it, vi } from 'vitest';
import { validateInterviewInput, type InterviewFields } from '../../../core/records/interview';
import { anInterview, anInterviewInput } from '../../helpers/factories';
import { openTestStore } from '../../helpers/fake-db';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json').definition;

function fields(overrides = {}): InterviewFields {
  const result = validateInterviewInput(anInterviewInput(overrides), '2026-11-28');
  if (!result.ok) throw new Error('factory input should be valid');
  return result.value;
}

describe('interview repository', () => {
  it('creates an interview with an id and timestamps, and lists it', async () => {
    const { repo } = openTestStore();
    const created = await repo.create(fields(), form);
    expect(created.ok).toBe(true);
    const list = await repo.list();
    expect(list.ok && list.value.interviews.map((i) => i.respondentName)).toEqual(['Élodie Perrin']);
    expect(list.ok && list.value.interviews[0]?.createdAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('lists newest interview first', async () => {
    const { repo } = openTestStore();
    await repo.create(fields({ respondentName: 'Old', interviewDate: '2025-01-01' }), form);
    await repo.create(fields({ respondentName: 'New', interviewDate: '2026-06-01' }), form);
    await repo.create(fields({ respondentName: 'Middle', interviewDate: '2025-09-01' }), form);
    const list = await repo.list();
    expect(list.ok && list.value.interviews.map((i) => i.respondentName)).toEqual(['New', 'Middle', 'Old']);
  });

  it('updates fields and the last-change stamp, keeping id and creation', async () => {
    const { repo, tick } = openTestStore();
    const created = await repo.create(fields(), form);
    if (!created.ok) throw new Error('create failed');
    tick(60_000);
    const updated = await repo.updateCover(created.value.id, fields({ commune: 'Scionzier' }), form, 'Camille');
    expect(updated.ok && updated.value).toMatchObject({
      id: created.value.id,
      commune: 'Scionzier',
      createdAt: created.value.createdAt,
      updatedAt: '2026-11-28T10:01:00.000Z',
    });
  });

  it('answers null when updating or deleting an interview that no longer exists', async () => {
    const { repo } = openTestStore();
    expect(await repo.updateCover('missing', fields(), form, 'Camille')).toEqual({ ok: true, value: null });
    expect(await repo.remove('missing')).toEqual({ ok: true, value: null });
  });

  it('deletes an interview, leaving a tombstone, and can put it back exactly (undo)', async () => {
    const { db, repo } = openTestStore();
    const created = await repo.create(fields(), form);
    if (!created.ok) throw new Error('create failed');
    const removed = await repo.remove(created.value.id);
    if (!removed.ok || !removed.value) throw new Error('remove failed');
    expect(removed.value.interview).toEqual(created.value);
    expect((await repo.get(created.value.id))).toEqual({ ok: true, value: null });
    expect(await db.tombstones.get(created.value.id)).toMatchObject({ kind: 'interview' });
    await repo.restore(removed.value);
    expect(await repo.get(created.value.id)).toEqual({ ok: true, value: created.value });
    expect(await db.tombstones.get(created.value.id)).toBeUndefined();
  });

  it('counts unreadable stored records instead of crashing, and keeps them', async () => {
    const { db, repo } = openTestStore();
    await db.interviews.bulkPut([anInterview(), { ...anInterview(), respondentName: 12 } as never]);
    await db.table('interviews').put({ id: 42, broken: true });
    const list = await repo.list();
    expect(list.ok && list.value.interviews).toHaveLength(2);
    expect(list.ok && list.value.unreadable).toBe(1);
    expect(await db.interviews.count()).toBe(3);
  });

  it('reports a full disk as a value and leaves stored data unchanged', async () => {
    const { db, repo } = openTestStore();
    const first = await repo.create(fields(), form);
    if (!first.ok) throw new Error('create failed');
    const full = vi.spyOn(db.interviews, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const result = await repo.updateCover(first.value.id, fields({ commune: 'Ailleurs' }), form, 'Camille');
    full.mockRestore();
    expect(!result.ok && result.error.code).toBe('quota');
    expect(await repo.get(first.value.id)).toEqual({ ok: true, value: first.value });
  });

  it('tells every watcher about each change', async () => {
    const { repo } = openTestStore();
    const seen: number[] = [];
    const done = new Promise<void>((resolve) => {
      const stop = repo.watch((result) => {
        if (result.ok) seen.push(result.value.interviews.length);
        if (seen.includes(1)) { stop(); resolve(); }
      });
    });
    await repo.create(fields(), form);
    await done;
    expect(seen).toContain(1);
  });
});

describe('answers and lifecycle', () => {
  it('fills the form’s answers from the cover, and the cover’s columns from answers', async () => {
    const { repo } = openTestStore();
    const created = await repo.create(fields(), form);
    if (!created.ok) throw new Error('create failed');
    expect(created.value.answers).toMatchObject({ a_interviewer: 'Camille Roux', c_firm_name: 'Moules Perrin SARL', e_network_name: 'Mont-Blanc Industries' });
    const saved = await repo.saveAnswer(created.value.id, { name: 'c_firm_name' }, 'Perrin Moules', form, 'Camille');
    expect(saved.ok && saved.value).toMatchObject({ firmName: 'Perrin Moules', lastPath: 'c_firm_name' });
    const territory = await repo.saveAnswer(created.value.id, { name: 'e_network_territory' }, 'Vallée de l’Arve', form, 'Camille');
    expect(territory.ok && territory.value?.territory).toBe('Vallée de l’Arve');
  });

  it('saves answers inside repeat items, and removes items', async () => {
    const { repo } = openTestStore();
    const created = await repo.create(fields(), form);
    if (!created.ok) throw new Error('create failed');
    const added = await repo.addRepeatItem(created.value.id, 'l_ties', 'Camille');
    const item = added.ok ? (added.value?.answers['l_ties'] as { id: string }[] | undefined)?.[0]?.id : undefined;
    if (!item) throw new Error('no item');
    const saved = await repo.saveAnswer(created.value.id, { repeat: 'l_ties', instance: item, name: 'l_partner_name' }, 'Scierie Blanc', form, 'Camille');
    expect(saved.ok && saved.value?.answers['l_ties']).toEqual([{ id: item, answers: { l_partner_name: 'Scierie Blanc' } }]);
    const removed = await repo.removeRepeatItem(created.value.id, 'l_ties', item, 'Camille');
    expect(removed.ok && removed.value?.answers['l_ties']).toBeUndefined();
  });

  it('keeps no history for drafts, then the completion and every change after it', async () => {
    const { repo, tick } = openTestStore();
    const created = await repo.create(fields(), form);
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    await repo.saveAnswer(id, { name: 'c_sector' }, 'Décolletage', form, 'Camille');
    expect(await repo.history(id)).toEqual({ ok: true, value: [] });
    const done = await repo.transition(id, 'Camille', (current) => ({ ok: true, value: { ...current, status: 'complete' } }));
    expect(done.result.ok && done.result.value?.status).toBe('complete');
    tick();
    await repo.saveAnswer(id, { name: 'c_sector' }, 'Mécanique de précision', form, 'Paul');
    const history = await repo.history(id);
    expect(history.ok && history.value.map((e) => [e.field, e.oldValue, e.newValue, e.who])).toEqual([
      ['status', 'draft', 'complete', 'Camille'],
      ['c_sector', 'Décolletage', 'Mécanique de précision', 'Paul'],
    ]);
  });

  it('writes nothing when a lifecycle step is refused', async () => {
    const { repo } = openTestStore();
    const created = await repo.create(fields(), form);
    if (!created.ok) throw new Error('create failed');
    const refused = await repo.transition(created.value.id, 'Camille', () => ({ ok: false, error: { code: 'incomplete' } }));
    expect(refused.refused).toEqual({ code: 'incomplete' });
    expect((await repo.get(created.value.id)).ok).toBe(true);
  });
});
