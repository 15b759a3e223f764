/**
 * The `records/interviews.json` entry as a whole: a JSON array written one record per line, in
 * id order. Two ways to read it: `parseInterviewEntry` decodes every record (the app's import,
 * exports), and `indexInterviewEntry` checks every record just as thoroughly but keeps each one
 * as its bytes, for tools that mostly pass records through (`maillage merge`: a record the same
 * in both bundles is copied, not decoded and encoded again).
 */
import { err, ok, type Result } from '../../shared/result';
import type { BundleError } from './errors';
import { isInConflict } from '../register';
import { decodeInterviewRecord, encodeInterviewRecord, type DecodedInterview } from './interview-wire';
import { maxJsonDepth, parseJsonText, treeProblem, utf8Text } from './safe-json';
import type { InterviewRecord } from './schema';

const newline = 0x0a;
const encoder = new TextEncoder();

/** Where `byte` next is in some bytes, from `from`; -1 when it is not there. */
export type FindByte = (byte: number, from: number) => number;

/**
 * How to search bytes for a byte: Uint8Array's own indexOf here; a shell may pass a faster one
 * (Node's Buffer searches several times faster, shared memory even more so).
 */
export type ByteSearch = (bytes: Uint8Array) => FindByte;

export const typedArraySearch: ByteSearch = (bytes) => (byte, from) => bytes.indexOf(byte, from);

/** Records must come sorted by id; lines are `[`, the records separated by `,`, and `]`. */
export function encodeInterviewEntry(sorted: readonly InterviewRecord[]): string {
  return sorted.length === 0 ? '[]' : `[\n${sorted.map(encodeInterviewRecord).join(',\n')}\n]`;
}

/** Concatenates records' lines (already encoded, sorted by id) into the entry's bytes. */
export function joinInterviewLines(lines: readonly Uint8Array[]): Uint8Array {
  if (lines.length === 0) return encoder.encode('[]');
  let size = 2; // "[\n", then each line and its ",\n" — the last one's "\n]" instead
  for (const line of lines) size += line.length + 2;
  const out = new Uint8Array(size);
  out.set([0x5b, newline], 0);
  let at = 2;
  lines.forEach((line, i) => {
    out.set(line, at);
    at += line.length;
    if (i < lines.length - 1) {
      out.set([0x2c, newline], at);
      at += 2;
    }
  });
  out.set([newline, 0x5d], at);
  return out;
}

export interface ParsedInterviews {
  readonly records: Map<string, InterviewRecord>;
  readonly newest: string;
}

type Collect = (decoded: DecodedInterview, index: number) => BundleError | null;

function decodeItem(path: string, item: unknown, index: number, collect: Collect, build = true): BundleError | null {
  const decoded = decodeInterviewRecord(item, build);
  if (typeof decoded === 'string') return { code: 'invalid-record', path, detail: `#${index}: ${decoded}` };
  return collect(decoded, index);
}

function decodeAll(path: string, raw: unknown, collect: Collect): BundleError | null {
  if (!Array.isArray(raw)) return { code: 'invalid-record', path, detail: 'not a list' };
  for (let i = 0; i < raw.length; i++) {
    const problem = decodeItem(path, raw[i], i, collect);
    if (problem) return problem;
  }
  return null;
}

export function parseInterviewEntry(path: string, bytes: Uint8Array): Result<ParsedInterviews, BundleError> {
  const text = utf8Text(bytes);
  if (text === null) return err({ code: 'invalid-utf8', path });
  const json = parseJsonText(path, text);
  if (!json.ok) return json;
  const records = new Map<string, InterviewRecord>();
  let newest = '';
  const problem = decodeAll(path, json.value, ({ record, newest: stamp }) => {
    if (records.has(record.id)) return { code: 'duplicate-id', id: record.id };
    records.set(record.id, record);
    if (stamp > newest) newest = stamp;
    return null;
  });
  return problem ? err(problem) : ok({ records, newest });
}

/** One record of an indexed entry: its id, its line (canonical JSON) and whether it holds a conflict. */
export interface IndexedInterview {
  readonly id: string;
  readonly line: Uint8Array;
  readonly inConflict: boolean;
}

export interface IndexedInterviews {
  readonly records: Map<string, IndexedInterview>;
  readonly newest: string;
}

/** The entry's lines when it is written one record per line, as this format writes it; else null. */
export function linesOf(bytes: Uint8Array, search: ByteSearch = typedArraySearch): Uint8Array[] | null {
  const n = bytes.length;
  if (n < 4 || bytes[0] !== 0x5b || bytes[1] !== newline || bytes[n - 1] !== 0x5d || bytes[n - 2] !== newline) return null;
  const find = search(bytes);
  const lines: Uint8Array[] = [];
  let start = 2;
  while (start < n - 1) {
    const end = find(newline, start);
    const last = end === n - 2;
    const stop = last ? end : end - 1; // every line but the last ends with a comma
    // Every line but the last ends with a comma; the last never does (that is not JSON).
    if (end < 0 || stop <= start || (!last && bytes[stop] !== 0x2c) || (last && bytes[stop - 1] === 0x2c)) return null;
    lines.push(bytes.subarray(start, stop));
    start = end + 1;
  }
  return lines;
}

/**
 * Every record checked and decoded as `parseInterviewEntry` does, but kept as its line. An entry
 * that is not written one record per line (another tool's output, pretty-printed JSON) is parsed
 * whole and its records written again as lines.
 */
export function indexInterviewEntry(path: string, bytes: Uint8Array, search: ByteSearch = typedArraySearch): Result<IndexedInterviews, BundleError> {
  const lines = linesOf(bytes, search);
  const records = new Map<string, IndexedInterview>();
  let newest = '';
  const keep = (decoded: DecodedInterview, line: Uint8Array): BundleError | null => {
    const { id } = decoded.record;
    if (records.has(id)) return { code: 'duplicate-id', id };
    records.set(id, { id, line, inConflict: decoded.inConflict });
    if (decoded.newest > newest) newest = decoded.newest;
    return null;
  };
  const text = lines ? utf8Text(bytes) : null;
  const texts = text?.split('\n');
  if (lines && texts?.length === lines.length + 2) {
    // Any doubt about a line (it is not one whole record, or the record is wrong): the whole
    // entry is read the ordinary way, which gives the exact reason.
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as Uint8Array;
      const lineText = texts[i + 1] as string;
      let item: unknown;
      try {
        item = JSON.parse(i < lines.length - 1 ? lineText.slice(0, -1) : lineText);
      } catch {
        return indexWhole(path, bytes);
      }
      if (treeProblem(item, maxJsonDepth - 1) !== null) return indexWhole(path, bytes);
      if (decodeItem(path, item, i, (decoded) => keep(decoded, line), false) !== null) return indexWhole(path, bytes);
    }
    return ok({ records, newest });
  }
  return indexWhole(path, bytes);
}

function indexWhole(path: string, bytes: Uint8Array): Result<IndexedInterviews, BundleError> {
  const parsed = parseInterviewEntry(path, bytes);
  if (!parsed.ok) return parsed;
  const records = new Map<string, IndexedInterview>();
  for (const record of parsed.value.records.values()) {
    const inConflict = Object.values(record.fields).some(isInConflict);
    records.set(record.id, { id: record.id, line: encoder.encode(encodeInterviewRecord(record)), inConflict });
  }
  return ok({ records, newest: parsed.value.newest });
}

/** A record of the entry, checked, as parsed from its JSON (for readers that walk it themselves). */
export interface CheckedRecord {
  readonly raw: { readonly id: string; readonly fields: readonly unknown[] };
  readonly inConflict: boolean;
}

/**
 * Every record checked as parseInterviewEntry checks it, handed over as parsed JSON rather than
 * decoded into registers.
 */
export function checkInterviewEntry(path: string, bytes: Uint8Array): Result<{ readonly records: CheckedRecord[]; readonly newest: string }, BundleError> {
  const lines = linesOf(bytes);
  const text = utf8Text(bytes);
  if (text === null) return err({ code: 'invalid-utf8', path });
  const texts = lines ? text.split('\n') : null;
  const records: CheckedRecord[] = [];
  const seen = new Set<string>();
  let newest = '';
  const keep = (item: unknown, decoded: DecodedInterview): BundleError | null => {
    const { id } = decoded.record;
    if (seen.has(id)) return { code: 'duplicate-id', id };
    seen.add(id);
    records.push({ raw: item as CheckedRecord['raw'], inConflict: decoded.inConflict });
    if (decoded.newest > newest) newest = decoded.newest;
    return null;
  };
  if (lines && texts?.length === lines.length + 2) {
    let whole = false;
    for (let i = 0; i < lines.length && !whole; i++) {
      const lineText = texts[i + 1] as string;
      let item: unknown;
      try {
        item = JSON.parse(i < lines.length - 1 ? lineText.slice(0, -1) : lineText);
      } catch {
        whole = true;
        break;
      }
      whole = treeProblem(item, maxJsonDepth - 1) !== null || decodeItem(path, item, i, (decoded) => keep(item, decoded), false) !== null;
    }
    if (!whole) return ok({ records, newest });
    records.length = 0;
    seen.clear();
    newest = '';
  }
  const json = parseJsonText(path, text);
  if (!json.ok) return json;
  if (!Array.isArray(json.value)) return err({ code: 'invalid-record', path, detail: 'not a list' });
  const items = json.value as unknown[];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const problem = decodeItem(path, item, i, (decoded) => keep(item, decoded), false);
    if (problem) return err(problem);
  }
  return ok({ records, newest });
}

/** Where a part of an entry starts and ends: from the start of one of its lines to the end of another. */
export function chunkOf(entry: Uint8Array, lines: readonly Uint8Array[], from: number, to: number): Uint8Array {
  const first = lines[from];
  const last = lines[to - 1];
  if (!first || !last) return new Uint8Array();
  return entry.subarray(first.byteOffset - entry.byteOffset, last.byteOffset - entry.byteOffset + last.length);
}

/** The first two bytes of an entry written one record per line. */
export const startsAnEntry = (prefix: Uint8Array): boolean => prefix[0] === 0x5b && prefix[1] === newline;

/**
 * The whole lines at the start of an entry known a little more at each call (`prefix`: what is
 * known so far), numbered as linesOf numbers them: the lines of `prefix` from `start` (where a
 * line starts; 2 for the first) are added to `lines`, and the start of the next line is
 * returned, to call again from there once more of the entry is known. The scan stops at a line
 * that does not end with a comma: the entry's last line, or one the whole reading refuses.
 */
export function moreLeadingLines(prefix: Uint8Array, start: number, lines: Uint8Array[], search: ByteSearch = typedArraySearch): number {
  const find = search(prefix);
  for (;;) {
    const end = find(newline, start);
    if (end < 0 || end - 1 <= start || prefix[end - 1] !== 0x2c) return start;
    lines.push(prefix.subarray(start, end - 1));
    start = end + 1;
  }
}

/**
 * How many of the entry's lines (from linesOf) end before byte `reach`: those that
 * moreLeadingLines finds in the entry's first `reach` bytes (each line's comma and line break
 * inside them; never the last line).
 */
export function linesEndingBefore(entry: Uint8Array, lines: readonly Uint8Array[], reach: number): number {
  let count = 0;
  while (count < lines.length - 1) {
    const line = lines[count] as Uint8Array;
    if (line.byteOffset - entry.byteOffset + line.length + 1 >= reach) break;
    count++;
  }
  return count;
}

/** What checkInterviewChunk found in a part of an entry. */
export interface CheckedChunk {
  /** Every record's id, in the order of the lines (the caller checks them against other parts'). */
  readonly ids: readonly string[];
  readonly newest: string;
}

/**
 * Whole lines of a one-record-per-line entry (see chunkOf) checked record by record exactly as
 * checkInterviewEntry checks them, each record handed to `visit` as parsed JSON as soon as it is
 * checked. Null at the first doubt: the caller then reads the whole entry the ordinary way, which
 * gives the exact reason. Lets an entry be read in parts, on several threads.
 */
export function checkInterviewChunk(chunk: Uint8Array, visit: (raw: CheckedRecord['raw']) => void, search: ByteSearch = typedArraySearch): CheckedChunk | null {
  if (chunk.length === 0) return null;
  const find = search(chunk);
  const records: Uint8Array[] = [];
  let start = 0;
  for (;;) {
    const end = find(newline, start);
    if (end < 0) break;
    // Every line but the last ends with a comma, left out of the record.
    if (chunk[end - 1] !== 0x2c) return null;
    records.push(chunk.subarray(start, end - 1));
    start = end + 1;
  }
  records.push(chunk.subarray(start));
  return checkInterviewLines(records, 0, records.length, visit);
}

/**
 * Records `lines[from, to)` (each one line of the entry without its comma, as linesOf and
 * moreLeadingLines give them) checked one by one exactly as checkInterviewEntry checks them,
 * each handed to `visit`; null at the first doubt (see checkInterviewChunk). Each line is decoded
 * on its own: a record's text is small enough to be made where the engine makes short-lived
 * things, whereas the text of many lines at once would take fresh memory every time.
 */
export function checkInterviewLines(lines: readonly Uint8Array[], from: number, to: number, visit: (raw: CheckedRecord['raw']) => void): CheckedChunk | null {
  if (to <= from) return null;
  const ids: string[] = [];
  const seen = new Set<string>();
  let newest = '';
  for (let i = from; i < to; i++) {
    const bytes = lines[i] as Uint8Array;
    // The decoder drops a byte-order mark at the start; the whole reading refuses a line that starts with one.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return null;
    const lineText = utf8Text(bytes);
    if (lineText === null) return null;
    let item: unknown;
    try {
      item = JSON.parse(lineText);
    } catch {
      return null;
    }
    if (treeProblem(item, maxJsonDepth - 1) !== null) return null;
    const decoded = decodeInterviewRecord(item, false);
    if (typeof decoded === 'string' || seen.has(decoded.record.id)) return null;
    seen.add(decoded.record.id);
    ids.push(decoded.record.id);
    if (decoded.newest > newest) newest = decoded.newest;
    visit(item as CheckedRecord['raw']);
  }
  return { ids, newest };
}
