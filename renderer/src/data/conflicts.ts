/**
 * Conflicts: fields that two researchers changed without seeing each other's change. Both values
 * are kept until someone chooses one (or writes a third); the choice is a new write that has seen
 * both, so it settles the conflict on every computer it reaches.
 */
import { conflictingPaths, interviewFromRegisters } from '../../../core/exchange/interview-sync';
import { writeRegister, type Version } from '../../../core/exchange/register';
import type { InterviewSummary } from '../../../core/records/interview';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb } from './db';
import { nextStamp } from './device-clock';
import { toStorageError, type StorageError } from './storage-error';

export interface FieldConflict {
  readonly interview: InterviewSummary;
  /** A field path: `firmName`, `answers.c_sector`, `answers.l_ties[id].l_partner_name`… */
  readonly path: string;
  /** Newest first: the value shown now, then the others. */
  readonly versions: readonly Version[];
}

export function createConflictStore(db: MaillageDb, now: () => number) {
  return {
    async list(): Promise<Result<readonly FieldConflict[], StorageError>> {
      try {
        return ok(await db.transaction('r', db.interviews, db.interviewData, async () => {
          const found: { id: string; path: string; versions: readonly Version[] }[] = [];
          await db.interviewData.each((row) => {
            for (const path of conflictingPaths(row.registers)) found.push({ id: row.id, path, versions: row.registers[path] ?? [] });
          });
          const summaries = await db.interviews.bulkGet([...new Set(found.map((c) => c.id))]);
          const byId = new Map(summaries.filter((s): s is InterviewSummary => s !== undefined).map((s) => [s.id, s]));
          return found.flatMap(({ id, path, versions }): FieldConflict[] => {
            const interview = byId.get(id);
            return interview ? [{ interview, path, versions }] : [];
          });
        }));
      } catch (error) {
        return err(toStorageError(error));
      }
    },

    /** Settles one conflict with `value` (one of the versions' values, or a new one). */
    async resolve(id: string, path: string, value: unknown): Promise<Result<boolean, StorageError>> {
      try {
        return ok(await db.transaction('rw', [db.interviews, db.interviewData, db.meta], async () => {
          const row = await db.interviewData.get(id);
          const summary = await db.interviews.get(id);
          if (!row || !summary) return false;
          const registers = { ...row.registers, [path]: writeRegister(row.registers[path] ?? [], value, await nextStamp(db, now)) };
          const interview = interviewFromRegisters(id, registers, { lastPath: summary.lastPath, updatedAt: new Date(now()).toISOString() });
          if (!interview) return false;
          const { answers, ...rest } = interview;
          await db.interviews.put(rest);
          await db.interviewData.put({ id, answers, registers });
          return true;
        }));
      } catch (error) {
        return err(toStorageError(error));
      }
    },
  };
}

export type ConflictStore = ReturnType<typeof createConflictStore>;
