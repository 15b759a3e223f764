/**
 * The interview repository: every read and write of interviews goes through here. Each logical
 * save is one Dexie transaction, so an interview is stored whole or not at all.
 */
import { liveQuery } from 'dexie';
import { compareInterviewsByDate, type Interview, type InterviewFields } from '../../../core/records/interview';
import { restoreInterview } from '../../../core/records/interview-restore';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb } from './db';
import { toStorageError, type StorageError } from './storage-error';

export interface Clock {
  now(): Date;
}
export interface RepositoryDeps {
  readonly clock: Clock;
  readonly newId: () => string;
}

export interface InterviewList {
  /** Newest interview first. */
  readonly interviews: readonly Interview[];
  /** Stored records too broken to show (kept in storage, never deleted silently). */
  readonly unreadable: number;
}

function restoreAll(rows: readonly unknown[]): InterviewList {
  const interviews: Interview[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const interview = restoreInterview(row);
    if (interview) interviews.push(interview);
    else unreadable++;
  }
  interviews.sort(compareInterviewsByDate);
  return { interviews, unreadable };
}

async function attempt<T>(work: () => Promise<T>): Promise<Result<T, StorageError>> {
  try {
    return ok(await work());
  } catch (error) {
    return err(toStorageError(error));
  }
}

export function createInterviewRepository(db: MaillageDb, deps: RepositoryDeps) {
  return {
    async list(): Promise<Result<InterviewList, StorageError>> {
      return attempt(async () => restoreAll(await db.interviews.toArray()));
    },

    /** Calls `onChange` with the list now and after every change, until unsubscribed. */
    watch(onChange: (list: Result<InterviewList, StorageError>) => void): () => void {
      const subscription = liveQuery(() => db.interviews.toArray()).subscribe({
        next: (rows) => { onChange(ok(restoreAll(rows))); },
        error: (error: unknown) => { onChange(err(toStorageError(error))); },
      });
      return () => { subscription.unsubscribe(); };
    },

    async get(id: string): Promise<Result<Interview | null, StorageError>> {
      return attempt(async () => restoreInterview(await db.interviews.get(id)));
    },

    async create(fields: InterviewFields): Promise<Result<Interview, StorageError>> {
      const stamp = deps.clock.now().toISOString();
      const interview: Interview = { ...fields, id: deps.newId(), createdAt: stamp, updatedAt: stamp };
      return attempt(() => db.transaction('rw', db.interviews, async () => {
        await db.interviews.add(interview);
        return interview;
      }));
    },

    /** Replaces the fields of an existing interview; `null` when it no longer exists. */
    async update(id: string, fields: InterviewFields): Promise<Result<Interview | null, StorageError>> {
      return attempt(() => db.transaction('rw', db.interviews, async () => {
        const current = restoreInterview(await db.interviews.get(id));
        if (!current) return null;
        const next: Interview = { ...current, ...fields, id, updatedAt: deps.clock.now().toISOString() };
        await db.interviews.put(next);
        return next;
      }));
    },

    /** Deletes an interview; returns what was deleted so that the UI can offer to undo. */
    async remove(id: string): Promise<Result<Interview | null, StorageError>> {
      return attempt(() => db.transaction('rw', db.interviews, async () => {
        const current = await db.interviews.get(id);
        if (!current) return null;
        await db.interviews.delete(id);
        return restoreInterview(current);
      }));
    },

    /** Puts back an interview exactly as it was (undo of a deletion). */
    async restore(interview: Interview): Promise<Result<Interview, StorageError>> {
      return attempt(() => db.transaction('rw', db.interviews, async () => {
        await db.interviews.put(interview);
        return interview;
      }));
    },
  };
}

export type InterviewRepository = ReturnType<typeof createInterviewRepository>;
