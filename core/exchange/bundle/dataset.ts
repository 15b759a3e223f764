/**
 * A researcher's data as it travels: interviews as field registers, tombstones, and the forms
 * they need. Merging two datasets is field-by-field register merging (see ../register.ts), with
 * deletions final: an interview with a tombstone is gone from every merge, whatever came later.
 * Every step is commutative, associative and idempotent, so bundles can be exchanged in any
 * order, twice, or through a third researcher, and everyone ends with the same data.
 */
import { conflictingPaths, hasConflict, mergeFieldRegisters } from '../interview-sync';
import type { FormRecord, InterviewRecord, TombstoneRecord } from './schema';
import { canonicalJson } from './canonical-json';
import { mergeDirectories, type DeviceDirectory } from './device-directory';

export interface Dataset {
  readonly interviews: ReadonlyMap<string, InterviewRecord>;
  readonly tombstones: ReadonlyMap<string, TombstoneRecord>;
  readonly forms: ReadonlyMap<string, FormRecord>;
  /** Who the devices are whose writes it carries, where known (see device-directory.ts). */
  readonly devices?: DeviceDirectory;
}

export const emptyDataset: Dataset = { interviews: new Map(), tombstones: new Map(), forms: new Map() };

/** Unknown fields (from a newer minor version) are kept; where two copies disagree, the same one always wins. */
function mergeExtras<T extends object>(a: T, b: T): T {
  const out: Record<string, unknown> = { ...(a as Record<string, unknown>) };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (mine === undefined || canonicalJson(value) > canonicalJson(mine)) out[key] = value;
  }
  return out as T;
}

/** Same writes in the same order: the common case when two bundles share an untouched interview. */
function sameRegisters(a: InterviewRecord['fields'], b: InterviewRecord['fields']): boolean {
  const paths = Object.keys(a);
  if (paths.length !== Object.keys(b).length) return false;
  for (const path of paths) {
    const x = a[path];
    const y = b[path];
    if (x === y) continue;
    if (!x || !y || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i]?.hlc !== y[i]?.hlc) return false;
  }
  return true;
}

/** The same writes and the same unknown fields: merging one into the other changes nothing. */
export function sameRecord(a: InterviewRecord, b: InterviewRecord): boolean {
  if (!sameRegisters(a.fields, b.fields)) return false;
  const { fields: _a, ...ra } = a;
  const { fields: _b, ...rb } = b;
  return Object.keys(ra).length === 1 && Object.keys(rb).length === 1 ? ra.id === rb.id : canonicalJson(ra) === canonicalJson(rb);
}

export function mergeInterviewRecords(a: InterviewRecord, b: InterviewRecord): InterviewRecord {
  if (a === b || sameRecord(a, b)) return a;
  const { fields: fa, ...ra } = a;
  const { fields: fb, ...rb } = b;
  return { ...mergeExtras(ra, rb), id: a.id, fields: mergeFieldRegisters(fa, fb) };
}

function mergeMaps<T>(a: ReadonlyMap<string, T>, b: ReadonlyMap<string, T>, combine: (x: T, y: T) => T): Map<string, T> {
  const out = new Map(a);
  for (const [key, value] of b) {
    const mine = out.get(key);
    out.set(key, mine === undefined ? value : combine(mine, value));
  }
  return out;
}

/** Any deletion would do; the one kept (the greater stamp) is the same on every computer. */
const earlierTombstone = (a: TombstoneRecord, b: TombstoneRecord) => (a.hlc <= b.hlc ? mergeExtras(b, a) : mergeExtras(a, b));
const sameForm = (a: FormRecord, b: FormRecord) => (canonicalJson(a) >= canonicalJson(b) ? a : b);

export function mergeDatasets(a: Dataset, b: Dataset): Dataset {
  const tombstones = mergeMaps(a.tombstones, b.tombstones, earlierTombstone);
  const interviews = mergeMaps(a.interviews, b.interviews, mergeInterviewRecords);
  for (const id of tombstones.keys()) interviews.delete(id);
  const forms = mergeMaps(a.forms, b.forms, sameForm);
  const devices = mergeDirectories(a.devices, b.devices);
  return devices.size > 0 ? { interviews, tombstones, forms, devices } : { interviews, tombstones, forms };
}

export interface KindPreview {
  readonly new: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly conflicts: number;
  readonly deleted: number;
}

export interface MergePreview {
  readonly interviews: KindPreview;
  readonly forms: KindPreview;
}

/**
 * What importing `incoming` into `local` would do, before anything is written (`merged`: their
 * merge, when the caller has it already). A record the merge leaves unchanged is the local
 * record itself, the same object.
 */
export function previewMerge(local: Dataset, incoming: Dataset, merged: Dataset = mergeDatasets(local, incoming)): MergePreview {
  let added = 0, updated = 0, unchanged = 0, conflicts = 0, deleted = 0;
  for (const id of incoming.interviews.keys()) {
    const mine = local.interviews.get(id);
    const after = merged.interviews.get(id);
    if (!after) continue;
    if (!mine) {
      // New here, but perhaps in conflict already (two colleagues' versions a coordinator merged): it needs settling here too.
      added++;
      if (hasConflict(after.fields)) conflicts++;
      continue;
    }
    if (sameRecord(after, mine)) unchanged++;
    else updated++;
    if (conflictingPaths(after.fields).length > conflictingPaths(mine.fields).length) conflicts++;
  }
  for (const id of incoming.tombstones.keys()) if (local.interviews.has(id)) deleted++;
  let formsNew = 0, formsSame = 0;
  for (const key of incoming.forms.keys()) {
    if (local.forms.has(key)) formsSame++;
    else formsNew++;
  }
  return {
    interviews: { new: added, updated, unchanged, conflicts, deleted },
    forms: { new: formsNew, updated: 0, unchanged: formsSame, conflicts: 0, deleted: 0 },
  };
}
