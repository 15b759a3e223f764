/**
 * The interview repository: every read and write of interviews goes through here. Each logical
 * save is one Dexie transaction — the interview, its summary columns and its history entry are
 * written together or not at all.
 */
import { liveQuery } from 'dexie';
import { stampChanges, type FieldRegisters } from '../../../core/exchange/interview-sync';
import type { AnswerValue } from '../../../core/forms/answers';
import type { FormDefinition } from '../../../core/forms/schema';
import { addRepeatItem, formatAnswerPath, getAnswer, removeRepeatItem, setAnswer, type AnswerPath } from '../../../core/records/answer-paths';
import { compareInterviewsByDate, type Interview, type InterviewFields, type InterviewSummary } from '../../../core/records/interview';
import { restoreInterview } from '../../../core/records/interview-restore';
import { answersFromSummary, summaryFieldOf, summaryFromAnswers } from '../../../core/records/interview-summary';
import { withdrawConsent } from '../../../core/records/consent';
import { isHistoryKept, type EditEntry } from '../../../core/records/lifecycle';
import type { CompiledForm } from '../../../core/forms/model';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb, StoredInterviewData } from './db';
import { nextStamp } from './device-clock';
import { toStorageError, type StorageError } from './storage-error';

export interface Clock {
  now(): Date;
}
export interface RepositoryDeps {
  readonly clock: Clock;
  readonly newId: () => string;
}

export interface InterviewList {
  /** Newest interview first; summaries only (answers are read when an interview is opened). */
  readonly interviews: readonly InterviewSummary[];
  /** Stored records too broken to show (kept in storage, never deleted silently). */
  readonly unreadable: number;
}

/** What a deletion took away, kept by the UI for its undo. */
export interface DeletedInterview {
  readonly interview: Interview;
  readonly registers: FieldRegisters;
  /** Fields of its record from a newer bundle format (see record-extras.ts). */
  readonly extras?: StoredInterviewData['extras'];
}

type Change = { readonly field: string; readonly oldValue: unknown; readonly newValue: unknown };
/** What an edit produces; `fields` names the synced fields it may have changed, when it knows. */
type Edit = (current: Interview) => { readonly next: Interview; readonly changes: readonly Change[]; readonly fields?: readonly string[] };

function restoreAll(rows: readonly unknown[]): InterviewList {
  const interviews: InterviewSummary[] = [];
  let unreadable = 0;
  for (const row of rows) {
    const interview = restoreInterview(row);
    if (interview) {
      const { answers: _answers, ...summary } = interview;
      interviews.push(summary);
    } else unreadable++;
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

const coverFields = ['respondentName', 'respondentRole', 'firmName', 'commune', 'networkName', 'interviewDate', 'interviewer'] as const;

export function createInterviewRepository(db: MaillageDb, deps: RepositoryDeps) {
  const stamp = () => deps.clock.now().toISOString();

  const now = () => deps.clock.now().getTime();

  const read = async (id: string): Promise<{ interview: Interview; data: StoredInterviewData | undefined } | null> => {
    const summary = await db.interviews.get(id);
    if (!summary) return null;
    const data = await db.interviewData.get(id);
    const interview = restoreInterview({ ...summary, answers: data?.answers });
    return interview ? { interview, data } : null;
  };

  /** Writes the summary row and the data row of an interview, its registers stamped for what changed. */
  const write = async (before: Interview | null, after: Interview, registers: FieldRegisters, fields?: readonly string[], extras?: StoredInterviewData['extras']): Promise<void> => {
    let base = registers;
    if (before && Object.keys(base).length === 0) {
      // Saved before merge registers existed: its current fields are stamped once, as they stand.
      base = stampChanges({}, null, before, await nextStamp(db, now));
    }
    const stamped = stampChanges(base, before, after, await nextStamp(db, now), fields);
    const { answers, ...summary } = after;
    await db.interviews.put(summary);
    await db.interviewData.put({ id: after.id, answers, registers: stamped, ...(extras ? { extras } : {}) });
  };

  /** Reads, changes and writes one interview, with its history entries, in one transaction. */
  const edit = (id: string, who: string, change: Edit): Promise<Result<Interview | null, StorageError>> =>
    attempt(() => db.transaction('rw', [db.interviews, db.interviewData, db.history, db.meta], async () => {
      const found = await read(id);
      if (!found) return null;
      const current = found.interview;
      const at = stamp();
      const { next, changes, fields } = change(current);
      const written: Interview = { ...next, updatedAt: at };
      await write(current, written, found.data?.registers ?? {}, fields, found.data?.extras);
      if ((isHistoryKept(current) || isHistoryKept(written)) && changes.length > 0) {
        await db.history.bulkAdd(changes.map((c): EditEntry => ({ interviewId: id, ...c, who, at })));
      }
      return written;
    }));

  return {
    async list(): Promise<Result<InterviewList, StorageError>> {
      // Summaries only: the answers stay in interviewData until an interview is opened.
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
      return attempt(() => db.transaction('r', db.interviews, db.interviewData, async () => (await read(id))?.interview ?? null));
    },

    /** A new interview with the given form; the cover's fields become the form's answers too. */
    async create(fields: InterviewFields, form: FormDefinition): Promise<Result<Interview, StorageError>> {
      const at = stamp();
      const answers = answersFromSummary(form, fields);
      const interview: Interview = {
        ...fields, id: deps.newId(), createdAt: at, updatedAt: at, formId: form.id, formVersion: form.version,
        status: 'draft', answers, territory: summaryFromAnswers(form, answers).territory ?? '', lastPath: '',
      };
      return attempt(() => db.transaction('rw', [db.interviews, db.interviewData, db.meta], async () => {
        await write(null, interview, {});
        return interview;
      }));
    },

    /** Saves the cover's fields (and the answers they fill); `null` when the interview is gone. */
    updateCover(id: string, fields: InterviewFields, form: FormDefinition, who: string) {
      return edit(id, who, (current) => ({
        next: { ...current, ...fields, answers: answersFromSummary(form, fields, current.answers) },
        changes: coverFields.filter((f) => current[f] !== fields[f]).map((f) => ({ field: `summary.${f}`, oldValue: current[f], newValue: fields[f] })),
      }));
    },

    /** Saves one answer (undefined clears it) and the summary column it fills, if any. */
    saveAnswer(id: string, path: AnswerPath, value: AnswerValue | undefined, form: FormDefinition, who: string) {
      return edit(id, who, (current) => {
        const answers = setAnswer(current.answers, path, value);
        const field = 'repeat' in path ? undefined : summaryFieldOf(form, path.name);
        const columns = field ? summaryFromAnswers(form, answers) : {};
        const oldValue = getAnswer(current.answers, path);
        const synced = 'repeat' in path ? `answers.${path.repeat}[${path.instance}].${path.name}` : `answers.${path.name}`;
        return {
          next: { ...current, ...columns, answers, lastPath: formatAnswerPath(path) },
          changes: JSON.stringify(oldValue) === JSON.stringify(value) ? [] : [{ field: formatAnswerPath(path), oldValue, newValue: value }],
          fields: [synced, ...Object.keys(columns)],
        };
      });
    },

    /** Withdrawal of consent: the answers behind consent are erased, in one save. */
    withdrawConsent(id: string, form: CompiledForm, newValue: string | undefined, who: string) {
      return edit(id, who, (current) => {
        // The cover (who, when, where) stays, so that the researcher knows which interview it was.
        const next = withdrawConsent(current, form, newValue);
        return {
          next,
          changes: [{ field: 'consent', oldValue: 'given', newValue: 'withdrawn' }],
        };
      });
    },

    addRepeatItem(id: string, repeat: string, who: string) {
      const itemId = deps.newId();
      return edit(id, who, (current) => ({
        next: { ...current, answers: addRepeatItem(current.answers, repeat, itemId) },
        changes: [{ field: `${repeat}[${itemId}]`, oldValue: null, newValue: 'added' }],
      }));
    },

    removeRepeatItem(id: string, repeat: string, itemId: string, who: string) {
      return edit(id, who, (current) => ({
        next: { ...current, answers: removeRepeatItem(current.answers, repeat, itemId) },
        changes: [{ field: `${repeat}[${itemId}]`, oldValue: 'present', newValue: null }],
      }));
    },

    /** Remembers where the researcher was, without counting it as an edit. */
    rememberPosition(id: string, path: string): Promise<Result<boolean, StorageError>> {
      return attempt(() => db.interviews.update(id, { lastPath: path }).then((count) => count > 0));
    },

    /** Applies a lifecycle step computed by the core (complete, validate, reopen). */
    transition(id: string, who: string, step: (current: Interview) => Result<Interview, unknown>) {
      let refused: unknown = null;
      return edit(id, who, (current) => {
        const result = step(current);
        if (!result.ok) {
          refused = result.error;
          return { next: current, changes: [] };
        }
        return { next: result.value, changes: [{ field: 'status', oldValue: current.status, newValue: result.value.status }] };
      }).then((result) => ({ result, refused }));
    },

    /** Every change recorded after completion, oldest first. */
    history(id: string): Promise<Result<readonly EditEntry[], StorageError>> {
      return attempt(() => db.history.where('interviewId').equals(id).sortBy('seq'));
    },

    /**
     * Deletes an interview everywhere: its rows go, a tombstone stays (and travels with the next
     * bundle). Returns what was deleted so that the UI can offer to undo before it travels.
     */
    async remove(id: string): Promise<Result<DeletedInterview | null, StorageError>> {
      return attempt(() => db.transaction('rw', [db.interviews, db.interviewData, db.tombstones, db.meta], async () => {
        const found = await read(id);
        if (!found) return null;
        await db.interviews.delete(id);
        await db.interviewData.delete(id);
        await db.tombstones.put({ id, kind: 'interview', hlc: await nextStamp(db, now) });
        const extras = found.data?.extras;
        return { interview: found.interview, registers: found.data?.registers ?? {}, ...(extras ? { extras } : {}) };
      }));
    },

    /** Puts back an interview exactly as it was (undo of a deletion), and lifts its tombstone. */
    async restore(deleted: DeletedInterview): Promise<Result<Interview, StorageError>> {
      return attempt(() => db.transaction('rw', [db.interviews, db.interviewData, db.tombstones], async () => {
        const { answers, ...summary } = deleted.interview;
        await db.tombstones.delete(deleted.interview.id);
        await db.interviews.put(summary);
        await db.interviewData.put({ id: deleted.interview.id, answers, registers: deleted.registers, ...(deleted.extras ? { extras: deleted.extras } : {}) });
        return deleted.interview;
      }));
    },
  };
}

export type InterviewRepository = ReturnType<typeof createInterviewRepository>;
