/**
 * Conflicts: fields that two researchers changed without seeing each other's change. Both values
 * are kept until someone chooses one (or writes a third); the choice is a new write that has seen
 * both, so it settles the conflict on every computer it reaches, and the values it sets aside stay
 * in the interview's edit history on the computer where it was made.
 */
import { conflictingPaths, interviewFromRegisters } from '../../../core/exchange/interview-sync';
import { sameValue, writeRegister, type Version } from '../../../core/exchange/register';
import { interviewFieldNames, type InterviewSummary } from '../../../core/records/interview';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb } from './db';
import { nextStamp } from './device-clock';
import { toStorageError, type StorageError } from './storage-error';

export interface FieldConflict {
  readonly interview: InterviewSummary;
  /** A field path: `firmName`, `answers.c_sector`, `answers.l_ties[id].l_partner_name`… */
  readonly path: string;
  /**
   * Every path this conflict stands for: a cover field and the answer it mirrors (written
   * together, with the same stamps) are one conflict for the researcher, settled together.
   */
  readonly paths: readonly string[];
  /** Newest first: the value shown now, then the others (one version per value: the newest that holds it). */
  readonly versions: readonly Version[];
}

/** The versions with different values, the newest of each: two computers that wrote the same value show it once. */
const distinctValues = (versions: readonly Version[]): Version[] =>
  versions.filter((version, i) => !versions.slice(0, i).some((newer) => sameValue(newer.value, version.value)));

/** A register's path as the edit history names fields: an answer's path, or `summary.<field>`. */
const historyField = (path: string): string => (path.startsWith('answers.') ? path.slice('answers.'.length) : (interviewFieldNames as readonly string[]).includes(path) ? `summary.${path}` : path);

export function createConflictStore(db: MaillageDb, now: () => number) {
  return {
    async list(): Promise<Result<readonly FieldConflict[], StorageError>> {
      try {
        return ok(await db.transaction('r', db.interviews, db.interviewData, async () => {
          const found: { id: string; path: string; paths: string[]; versions: readonly Version[] }[] = [];
          await db.interviewData.each((row) => {
            const groups = new Map<string, { path: string; paths: string[]; versions: readonly Version[] }>();
            for (const path of conflictingPaths(row.registers)) {
              const versions = row.registers[path] ?? [];
              const signature = JSON.stringify(versions.map((v) => [v.hlc, v.value]));
              const group = groups.get(signature);
              // Prefer showing the answer's path (the form's own words) over the cover's.
              if (group) {
                group.paths.push(path);
                if (path.startsWith('answers.')) group.path = path;
              } else groups.set(signature, { path, paths: [path], versions: distinctValues(versions) });
            }
            for (const group of groups.values()) found.push({ id: row.id, ...group });
          });
          const summaries = await db.interviews.bulkGet([...new Set(found.map((c) => c.id))]);
          const byId = new Map(summaries.filter((s): s is InterviewSummary => s !== undefined).map((s) => [s.id, s]));
          return found.flatMap(({ id, path, paths, versions }): FieldConflict[] => {
            const interview = byId.get(id);
            return interview ? [{ interview, path, paths: paths.sort(), versions }] : [];
          });
        }));
      } catch (error) {
        return err(toStorageError(error));
      }
    },

    /**
     * Settles one conflict (all its mirrored paths) with `value`: one of the versions' values, or a
     * new one. Each value set aside goes into the interview's edit history, with who chose.
     */
    async resolve(id: string, paths: readonly string[], value: unknown, who = ''): Promise<Result<boolean, StorageError>> {
      try {
        return ok(await db.transaction('rw', [db.interviews, db.interviewData, db.history, db.meta], async () => {
          const row = await db.interviewData.get(id);
          const summary = await db.interviews.get(id);
          if (!row || !summary) return false;
          const stamp = await nextStamp(db, now);
          const registers = { ...row.registers };
          for (const path of paths) registers[path] = writeRegister(row.registers[path] ?? [], value, stamp);
          const interview = interviewFromRegisters(id, registers, { lastPath: summary.lastPath, updatedAt: new Date(now()).toISOString() });
          if (!interview) return false;
          const { answers, ...rest } = interview;
          await db.interviews.put(rest);
          await db.interviewData.put({ ...row, answers, registers });
          const shown = paths.find((p) => p.startsWith('answers.')) ?? paths[0];
          const setAside = distinctValues(shown === undefined ? [] : row.registers[shown] ?? []).filter((v) => !sameValue(v.value, value));
          const at = new Date(now()).toISOString();
          if (shown !== undefined && setAside.length > 0) {
            await db.history.bulkAdd(setAside.map((v) => ({ interviewId: id, field: historyField(shown), oldValue: v.value, newValue: value, who, at })));
          }
          return true;
        }));
      } catch (error) {
        return err(toStorageError(error));
      }
    },
  };
}

export type ConflictStore = ReturnType<typeof createConflictStore>;
