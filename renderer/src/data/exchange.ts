/**
 * Bundles in and out of the database. Export gathers the field registers of every interview (or
 * a selection), tombstones and installed forms into a dataset; import merges an incoming dataset
 * into the local one in ONE transaction — all or nothing — and leaves the device clock after
 * everything it has seen.
 */
import { mergeDatasets, previewMerge, sameRecord, type Dataset, type MergePreview } from '../../../core/exchange/bundle/dataset';
import { canonicalJson } from '../../../core/exchange/bundle/canonical-json';
import type { FormRecord, InterviewRecord, TombstoneRecord } from '../../../core/exchange/bundle/schema';
import { createHlcClock, maxHlc } from '../../../core/exchange/hlc';
import { interviewFromRegisters, stampChanges } from '../../../core/exchange/interview-sync';
import type { InterviewSummary } from '../../../core/records/interview';
import { restoreInterview } from '../../../core/records/interview-restore';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb, StoredInterviewData } from './db';
import { registersCheckedKey, replacementsKey } from './meta-keys';
import { deviceId, nextStamp } from './device-clock';
import { learnDeviceNames, readDeviceNames } from './device-names';
import { toStorageError, type StorageError } from './storage-error';
import { formRecordOf, formRow, interviewExtras, interviewRecordOf, tombstoneRecordOf, tombstoneRow } from './record-extras';

export type InterviewSelection = (summary: InterviewSummary) => boolean;

/**
 * Stamps interviews saved before merge registers existed, so that they can travel. That takes
 * reading every interview, so it is done once: afterwards every write stamps its registers, and
 * `registersChecked` in meta (also set when the database is created) says there is nothing left.
 */
async function ensureRegisters(db: MaillageDb, now: () => number): Promise<void> {
  if ((await db.meta.get(registersCheckedKey))?.value === true) return;
  await db.transaction('rw', [db.interviews, db.interviewData, db.meta], async () => {
    const unstamped = await db.interviewData.filter((row) => Object.keys(row.registers).length === 0).toArray();
    await db.meta.put({ key: registersCheckedKey, value: true });
    if (unstamped.length === 0) return;
    const stamp = await nextStamp(db, now);
    const summaries = await db.interviews.bulkGet(unstamped.map((row) => row.id));
    const rows: StoredInterviewData[] = [];
    unstamped.forEach((row, i) => {
      const interview = restoreInterview({ ...summaries[i], answers: row.answers });
      if (interview) rows.push({ ...row, registers: stampChanges({}, null, interview, stamp) });
    });
    await db.interviewData.bulkPut(rows);
  });
}

export async function exportDataset(db: MaillageDb, now: () => number, selection?: InterviewSelection): Promise<Result<Dataset, StorageError>> {
  try {
    await ensureRegisters(db, now);
    return ok(await db.transaction('r', [db.interviews, db.interviewData, db.tombstones, db.forms, db.meta], async () => {
      const summaries = await db.interviews.toArray();
      const ids = summaries.filter((s) => !selection || selection(s)).map((s) => s.id);
      const rows = await db.interviewData.bulkGet(ids);
      const interviews = new Map<string, InterviewRecord>();
      for (const row of rows) if (row) interviews.set(row.id, interviewRecordOf(row));
      const tombstones = new Map<string, TombstoneRecord>((await db.tombstones.toArray()).map((t) => [t.id, tombstoneRecordOf(t)]));
      const forms = new Map<string, FormRecord>((await db.forms.toArray()).map((f) => [f.key, formRecordOf(f)]));
      // Every deletion, a selection's too: it carries no content, and a deletion must reach everyone whatever they were sent.
      // And who the other devices are, so that whoever receives it can name them.
      const devices = await readDeviceNames(db);
      return devices.size > 0 ? { interviews, tombstones, forms, devices } : { interviews, tombstones, forms };
    }));
  } catch (error) {
    return err(toStorageError(error));
  }
}

/** The part of the local dataset an incoming one touches (the interviews in `skip` left out). */
async function localCounterpart(db: MaillageDb, incoming: Dataset, skip?: ReadonlySet<string>): Promise<Dataset> {
  const ids = [...incoming.interviews.keys(), ...incoming.tombstones.keys()];
  const rows = await db.interviewData.bulkGet(skip ? ids.filter((id) => !skip.has(id)) : ids);
  const interviews = new Map<string, InterviewRecord>();
  for (const row of rows) if (row) interviews.set(row.id, interviewRecordOf(row));
  const tombstones = new Map<string, TombstoneRecord>();
  for (const t of await db.tombstones.bulkGet(ids)) if (t) tombstones.set(t.id, tombstoneRecordOf(t));
  const forms = new Map<string, FormRecord>();
  for (const f of await db.forms.bulkGet([...incoming.forms.keys()])) if (f) forms.set(f.key, formRecordOf(f));
  return { interviews, tombstones, forms };
}

/**
 * What a preview learnt, for the import that follows it: the incoming interviews the local ones
 * already contain (merging them changes nothing). Local interviews only ever grow — saves,
 * merges and resolutions add to what they have seen; deletions are tombstones — so those stay
 * contained whatever happens before the import, and the import need not read them again. The
 * one exception, restoring a backup as a full replacement, counts itself in meta
 * (`replacementsKey`): a plan made before a replacement is not used.
 */
interface ImportPlan {
  readonly db: MaillageDb;
  readonly contained: ReadonlySet<string>;
  readonly replacements: number;
}

/** Keyed by the incoming dataset: the screens preview and then import the same object. */
const plans = new WeakMap<Dataset, ImportPlan>();

const replacementsOf = async (db: MaillageDb): Promise<number> => {
  const value = (await db.meta.get(replacementsKey))?.value;
  return typeof value === 'number' ? value : 0;
};

export async function previewImport(db: MaillageDb, now: () => number, incoming: Dataset): Promise<Result<MergePreview, StorageError>> {
  try {
    await ensureRegisters(db, now);
    return ok(await db.transaction('r', [db.interviewData, db.tombstones, db.forms, db.meta], async () => {
      const local = await localCounterpart(db, incoming);
      const merged = mergeDatasets(local, incoming);
      const contained = new Set<string>();
      for (const [id, record] of local.interviews) if (merged.interviews.get(id) === record) contained.add(id);
      plans.set(incoming, { db, contained, replacements: await replacementsOf(db) });
      return previewMerge(local, incoming, merged);
    }));
  } catch (error) {
    return err(toStorageError(error));
  }
}

/** Learns the device names a bundle carries, when it brings nothing else (applyImport learns them otherwise). */
export async function learnDevices(db: MaillageDb, incoming: Dataset): Promise<Result<null, StorageError>> {
  try {
    await db.transaction('rw', db.meta, () => learnDeviceNames(db, incoming.devices));
    return ok(null);
  } catch (error) {
    return err(toStorageError(error));
  }
}

export interface ImportResult {
  readonly preview: MergePreview;
  readonly written: number;
}

function newestStamp(dataset: Dataset): string {
  let newest = '';
  for (const r of dataset.interviews.values()) for (const reg of Object.values(r.fields)) for (const v of reg) newest = maxHlc(newest, v.hlc);
  for (const t of dataset.tombstones.values()) newest = maxHlc(newest, t.hlc);
  return newest;
}

/** Merges `incoming` into the database in one transaction: everything is written, or nothing. */
export async function applyImport(db: MaillageDb, now: () => number, incoming: Dataset, formIsValid: (record: FormRecord) => boolean): Promise<Result<ImportResult, StorageError>> {
  try {
    await ensureRegisters(db, now);
    const device = await deviceId(db);
    return ok(await db.transaction('rw', [db.interviews, db.interviewData, db.tombstones, db.forms, db.meta], async () => {
      // After a preview, what it found already contained is neither read nor written again.
      const plan = plans.get(incoming);
      const contained = plan?.db === db && plan.replacements === await replacementsOf(db) ? plan.contained : new Set<string>();
      const rest: Dataset = contained.size === 0 ? incoming : { ...incoming, interviews: new Map([...incoming.interviews].filter(([id]) => !contained.has(id))) };
      const local = await localCounterpart(db, rest);
      const merged = mergeDatasets(local, rest);
      const counted = previewMerge(local, rest, merged);
      const preview = { ...counted, interviews: { ...counted.interviews, unchanged: counted.interviews.unchanged + contained.size } };
      // What the merge left as it was is not written again: in a weekly exchange, most of it.
      const ids = [...merged.interviews.keys()].filter((id) => {
        const mine = local.interviews.get(id);
        const theirs = merged.interviews.get(id);
        return mine === undefined || theirs === undefined || (theirs !== mine && !sameRecord(theirs, mine));
      });
      const summaries = await db.interviews.bulkGet(ids);
      const summaryRows: InterviewSummary[] = [];
      const dataRows: StoredInterviewData[] = [];
      ids.forEach((id, i) => {
        const record = merged.interviews.get(id);
        if (!record) return;
        const before = summaries[i];
        const interview = interviewFromRegisters(id, record.fields, before ? { lastPath: before.lastPath, updatedAt: new Date(now()).toISOString() } : null);
        if (!interview) return;
        const { answers, ...summary } = interview;
        summaryRows.push({ ...summary, updatedAt: new Date(now()).toISOString() });
        dataRows.push({ id, answers, registers: record.fields, ...interviewExtras(record) });
      });
      await db.interviews.bulkPut(summaryRows);
      await db.interviewData.bulkPut(dataRows);
      // Deletions: only those that are new here, or that change what is known of one.
      const deletions = [...merged.tombstones.values()].filter((t) => {
        const mine = local.tombstones.get(t.id);
        return mine === undefined || local.interviews.has(t.id) || canonicalJson(mine) !== canonicalJson(t);
      });
      await db.interviews.bulkDelete(deletions.map((t) => t.id));
      await db.interviewData.bulkDelete(deletions.map((t) => t.id));
      await db.tombstones.bulkPut(deletions.map(tombstoneRow));
      const installedAt = new Date(now()).toISOString();
      for (const form of incoming.forms.values()) {
        const mine = local.forms.get(form.key);
        if (!mine) {
          if (formIsValid(form)) await db.forms.put(formRow(form, installedAt));
          continue;
        }
        // Installed already: the form stays as installed, but unknown fields the copies disagree on are merged (see mergeDatasets).
        const both = merged.forms.get(form.key);
        const row = both && canonicalJson(both) !== canonicalJson(mine) && both.source === mine.source ? await db.forms.get(form.key) : undefined;
        if (both && row) await db.forms.put(formRow(both, row.installedAt));
      }
      await learnDeviceNames(db, incoming.devices);
      // Later local stamps must come after everything this bundle carried.
      const newest = newestStamp(incoming);
      const state = (await db.meta.get('device'))?.value as { lastHlc?: string } | undefined;
      // A bundle whose stamps the clock has already passed (the same bundle again) leaves it alone.
      if (newest && (state?.lastHlc === undefined || maxHlc(newest, state.lastHlc) !== state.lastHlc)) {
        const clock = createHlcClock(device, now, state?.lastHlc);
        clock.receive(newest);
        await db.meta.put({ key: 'device', value: { id: device, lastHlc: clock.next() } });
      }
      return { preview, written: summaryRows.length };
    }));
  } catch (error) {
    return err(toStorageError(error));
  }
}
