import { describe, expect, it, vi } from 'vitest';
import { validateInterviewInput, type InterviewFields } from '../../../core/records/interview';
import { anInterview, anInterviewInput } from '../../helpers/factories';
import { openTestStore } from '../../helpers/fake-db';

function fields(overrides = {}): InterviewFields {
  const result = validateInterviewInput(anInterviewInput(overrides), '2026-11-28');
  if (!result.ok) throw new Error('factory input should be valid');
  return result.value;
}

describe('interview repository', () => {
  it('creates an interview with an id and timestamps, and lists it', async () => {
    const { repo } = openTestStore();
    const created = await repo.create(fields());
    expect(created.ok).toBe(true);
    const list = await repo.list();
    expect(list.ok && list.value.interviews.map((i) => i.respondentName)).toEqual(['Élodie Perrin']);
    expect(list.ok && list.value.interviews[0]?.createdAt).toBe('2026-11-28T10:00:00.000Z');
  });

  it('lists newest interview first', async () => {
    const { repo } = openTestStore();
    await repo.create(fields({ respondentName: 'Old', interviewDate: '2025-01-01' }));
    await repo.create(fields({ respondentName: 'New', interviewDate: '2026-06-01' }));
    await repo.create(fields({ respondentName: 'Middle', interviewDate: '2025-09-01' }));
    const list = await repo.list();
    expect(list.ok && list.value.interviews.map((i) => i.respondentName)).toEqual(['New', 'Middle', 'Old']);
  });

  it('updates fields and the last-change stamp, keeping id and creation', async () => {
    const { repo, tick } = openTestStore();
    const created = await repo.create(fields());
    if (!created.ok) throw new Error('create failed');
    tick(60_000);
    const updated = await repo.update(created.value.id, fields({ commune: 'Scionzier' }));
    expect(updated.ok && updated.value).toMatchObject({
      id: created.value.id,
      commune: 'Scionzier',
      createdAt: created.value.createdAt,
      updatedAt: '2026-11-28T10:01:00.000Z',
    });
  });

  it('answers null when updating or deleting an interview that no longer exists', async () => {
    const { repo } = openTestStore();
    expect(await repo.update('missing', fields())).toEqual({ ok: true, value: null });
    expect(await repo.remove('missing')).toEqual({ ok: true, value: null });
  });

  it('deletes an interview and can put it back exactly (undo)', async () => {
    const { repo } = openTestStore();
    const created = await repo.create(fields());
    if (!created.ok) throw new Error('create failed');
    const removed = await repo.remove(created.value.id);
    expect(removed.ok && removed.value).toEqual(created.value);
    expect((await repo.get(created.value.id))).toEqual({ ok: true, value: null });
    await repo.restore(created.value);
    expect(await repo.get(created.value.id)).toEqual({ ok: true, value: created.value });
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
    const first = await repo.create(fields());
    if (!first.ok) throw new Error('create failed');
    const full = vi.spyOn(db.interviews, 'put').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const result = await repo.update(first.value.id, fields({ commune: 'Ailleurs' }));
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
    await repo.create(fields());
    await done;
    expect(seen).toContain(1);
  });
});
