/**
 * `maillage merge` on bundles read as lines (core/exchange/bundle/interview-entry.ts): the same
 * merge as core's mergeDatasets, record for record, but a record that is the same in both
 * bundles — most of them, in a team's weekly exchange — is kept as its bytes. Only records that
 * differ are decoded, merged field by field and encoded again.
 */
import { emptyDataset, mergeDatasets, mergeInterviewRecords, type KindPreview } from '../../core/exchange/bundle/dataset';
import { directoryOf, type DeviceDirectory } from '../../core/exchange/bundle/device-directory';
import { joinInterviewLines, type IndexedInterview } from '../../core/exchange/bundle/interview-entry';
import { decodeInterviewRecord, encodeInterviewRecord } from '../../core/exchange/bundle/interview-wire';
import type { IndexedBundle } from '../../core/exchange/bundle/read-bundle';
import type { FormRecord, InterviewRecord, TombstoneRecord } from '../../core/exchange/bundle/schema';
import type { BundleParts } from '../../core/exchange/bundle/write-bundle';
import { conflictingPaths } from '../../core/exchange/interview-sync';

export interface LineDataset {
  readonly interviews: ReadonlyMap<string, IndexedInterview>;
  readonly tombstones: ReadonlyMap<string, TombstoneRecord>;
  readonly forms: ReadonlyMap<string, FormRecord>;
  readonly devices: DeviceDirectory;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Compared natively (memcmp): thousands of lines of several kilobytes each. */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(Buffer.from(b.buffer, b.byteOffset, b.length));

/** Lines were checked when the bundle was read: decoding them again cannot fail. */
function decodeLine(line: Uint8Array): InterviewRecord {
  const decoded = decodeInterviewRecord(JSON.parse(decoder.decode(line)));
  if (typeof decoded === 'string') throw new Error(`a checked record no longer decodes: ${decoded}`);
  return decoded.record;
}

export const lineDatasetOf = (bundle: IndexedBundle): LineDataset => ({ interviews: bundle.interviews, tombstones: bundle.tombstones, forms: bundle.forms, devices: directoryOf(bundle.manifest) });

/** Merges `incoming` into `local`, and says what it brought (as previewMerge does). */
export function mergeLines(local: LineDataset, incoming: LineDataset): { merged: LineDataset; preview: KindPreview } {
  const small = mergeDatasets(
    { ...emptyDataset, tombstones: local.tombstones, forms: local.forms, devices: local.devices },
    { ...emptyDataset, tombstones: incoming.tombstones, forms: incoming.forms, devices: incoming.devices },
  );
  const interviews = new Map(local.interviews);
  let added = 0, updated = 0, unchanged = 0, conflicts = 0, deleted = 0;
  for (const [id, theirs] of incoming.interviews) {
    if (small.tombstones.has(id)) continue;
    const mine = local.interviews.get(id);
    if (!mine) {
      interviews.set(id, theirs);
      added++;
      // New here, but in conflict already (an earlier merge of two colleagues' versions).
      if (theirs.inConflict) conflicts++;
      continue;
    }
    if (sameBytes(mine.line, theirs.line)) {
      unchanged++;
      continue;
    }
    const before = decodeLine(mine.line);
    const after = mergeInterviewRecords(before, decodeLine(theirs.line));
    const line = encoder.encode(encodeInterviewRecord(after));
    if (sameBytes(line, mine.line)) {
      unchanged++;
      continue;
    }
    updated++;
    const afterConflicts = conflictingPaths(after.fields).length;
    if (afterConflicts > conflictingPaths(before.fields).length) conflicts++;
    interviews.set(id, { id, line, inConflict: afterConflicts > 0 });
  }
  for (const id of incoming.tombstones.keys()) if (local.interviews.has(id)) deleted++;
  for (const id of small.tombstones.keys()) interviews.delete(id);
  return {
    merged: { interviews, tombstones: small.tombstones, forms: small.forms, devices: small.devices ?? new Map() },
    preview: { new: added, updated, unchanged, conflicts, deleted },
  };
}

/** What the bundle writer needs: the interviews entry joined from the lines, in id order. */
export function bundlePartsOf(dataset: LineDataset): BundleParts {
  const lines = [...dataset.interviews.keys()].sort().map((id) => (dataset.interviews.get(id) as IndexedInterview).line);
  return { interviewsEntry: joinInterviewLines(lines), interviewCount: lines.length, tombstones: dataset.tombstones, forms: dataset.forms, devices: dataset.devices };
}

export function conflictCountOf(dataset: LineDataset): number {
  let count = 0;
  for (const record of dataset.interviews.values()) if (record.inConflict) count++;
  return count;
}
