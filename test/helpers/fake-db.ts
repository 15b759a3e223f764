/** A fresh Dexie database per test, over fake-indexeddb (real IndexedDB semantics in Node). */
import 'fake-indexeddb/auto';
import { openMaillageDb, type MaillageDb } from '../../renderer/src/data/db';
import { createInterviewRepository, type InterviewRepository } from '../../renderer/src/data/interviews';

let counter = 0;
export const uniqueDbName = (): string => `maillage-test-${process.pid}-${++counter}`;

export interface TestStore {
  readonly db: MaillageDb;
  readonly repo: InterviewRepository;
  /** Moves the test clock forward. */
  readonly tick: (ms?: number) => void;
}

export function openTestStore(name: string = uniqueDbName()): TestStore {
  const db = openMaillageDb(name);
  let now = Date.parse('2026-11-28T10:00:00.000Z');
  let id = 0;
  const repo = createInterviewRepository(db, {
    clock: { now: () => new Date(now) },
    newId: () => `01990000-0000-7000-8000-${String(++id).padStart(12, '0')}`,
  });
  return { db, repo, tick: (ms = 1000) => { now += ms; } };
}
