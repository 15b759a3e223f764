/**
 * How an interview travels in `records/interviews.json` (see docs/bundle-format.md): its stamps
 * once, in a sorted table, and its fields as one flat list of versions, three items each —
 * `path, value, at` — sorted by path, a field in conflict listing its versions one after the
 * other (newest first). `at` is the index of the version's stamp in the table, or
 * `[index, {device: index}]` when its writer had seen other devices' writes of that field.
 * Flat lists of plain values are what JSON parsers read fastest: a bundle of 10,000 interviews
 * parses several times faster than with one object per field.
 *
 * The entry writes one record per line, so that readers that only pass records through can find
 * them without parsing (see ./interview-entry.ts). The decoder is written by hand rather than with
 * zod: it runs over millions of versions.
 */
import { compareHlc, type Hlc } from '../hlc';
import type { FieldRegisters } from '../interview-sync';
import { sameValue, type Version } from '../register';
import { canonicalJson } from './canonical-json';
import type { InterviewRecord } from './schema';

const hlcPattern = /^[0-9a-z]{9}\.[0-9a-z]{5}\.[a-z0-9-]{1,40}$/;
const idPattern = /^[0-9A-Za-z-]{1,64}$/;
const maxPathLength = 300;
/** A name anywhere in a path (`__proto__`, `answers.constructor`, `l_ties[id].prototype`) that would reach an object's prototype once the path is read. */
const forbiddenSegment = /(?:^|[.\]])(?:__proto__|constructor|prototype)(?:$|[.[])/;
/** Two quick scans rule out nearly every path before the pattern is tried. */
export const namesForbiddenKey = (path: string): boolean => (path.includes('proto') || path.includes('constructor')) && forbiddenSegment.test(path);

const plainJson = (value: unknown): string =>
  value === null || value === undefined ? 'null' : typeof value !== 'object' ? JSON.stringify(value) : canonicalJson(value);

const nonAscii = /[\u0080-\uffff]/;
const nonAsciiAll = /[\u0080-\uffff]/g;
const escapeUnit = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The same JSON in plain ASCII: every other character as a `\uXXXX` escape (UTF-16 units, as
 * JSON spells them). Readers decode ASCII text several times faster than text with accents.
 */
const asAscii = (json: string): string => (nonAscii.test(json) ? json.replace(nonAsciiAll, escapeUnit) : json);

/** The record's JSON text, canonical (sorted keys, plain ASCII), on one line. */
export function encodeInterviewRecord(record: InterviewRecord): string {
  return asAscii(encodeRecordText(record));
}

function encodeRecordText(record: InterviewRecord): string {
  const stamps = new Set<Hlc>();
  for (const path in record.fields) {
    for (const version of record.fields[path] ?? []) {
      stamps.add(version.hlc);
      if (version.seen) for (const device in version.seen) stamps.add(version.seen[device] ?? version.hlc);
    }
  }
  const table = [...stamps].sort(compareHlc);
  const index = new Map(table.map((stamp, i) => [stamp, i]));
  const at = (stamp: Hlc) => index.get(stamp) ?? 0;
  const items: string[] = [];
  for (const path of Object.keys(record.fields).sort()) {
    const name = JSON.stringify(path);
    for (const v of record.fields[path] ?? []) {
      let where = String(at(v.hlc));
      if (v.seen) {
        const seen = Object.keys(v.seen).sort().map((device) => `${JSON.stringify(device)}:${at(v.seen?.[device] ?? '')}`);
        where = `[${where},{${seen.join(',')}}]`;
      }
      items.push(name, plainJson(v.value), where);
    }
  }
  const { id, fields: _fields, ...extras } = record;
  const known = `"fields":[${items.join(',')}],"id":${JSON.stringify(id)},"stamps":${JSON.stringify(table)}`;
  if (Object.keys(extras).length === 0) return `{${known}}`;
  // Fields from a newer minor version: merge them into the sorted key order.
  const parts = [known, ...Object.keys(extras).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(extras[key])}`)];
  return `{${parts.sort((a, b) => (a < b ? -1 : 1)).join(',')}}`;
}

export interface DecodedInterview {
  readonly record: InterviewRecord;
  /** The greatest stamp of the record, to tell a bundle from the future. */
  readonly newest: Hlc;
  /** At least one field has several versions that hold different values (see isInConflict). */
  readonly inConflict: boolean;
}

/**
 * A field path found valid, and the one that came after it in the last record that had it:
 * records list mostly the same paths in the same order, so a path met again right after the same
 * one is known to be valid and in order without checking it again.
 */
interface CheckedPath {
  readonly path: string;
  next: CheckedPath | null;
}

/** Before a record's first path. */
const firstPath: CheckedPath = { path: '', next: null };
const checkedPaths = new Map<string, CheckedPath>();
const checkedLimit = 4096;

/**
 * The step for `path`, just found valid and after `step`'s path, and `step` now leading to it.
 * A repeat item's path names the item, whose id no other record has: it is not remembered.
 */
function checkedAfter(step: CheckedPath, path: string): CheckedPath {
  if (path.includes('[')) return { path, next: null };
  let known = checkedPaths.get(path);
  if (!known) {
    known = { path, next: null };
    // Full (a bundle with thousands of distinct paths): start again, for the bundles that follow.
    if (checkedPaths.size >= checkedLimit) checkedPaths.clear();
    checkedPaths.set(path, known);
  }
  step.next = known;
  return known;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The record, or a short reason why it is not one. The caller has already checked the value's
 * depth and keys (./safe-json.ts). With `build` false the record is checked just as thoroughly
 * but its registers are not built (the returned record has no fields): for readers that keep
 * records as their bytes.
 */
export function decodeInterviewRecord(raw: unknown, build = true): DecodedInterview | string {
  if (!isObject(raw)) return 'not an object';
  const { id, stamps, fields, ...extras } = raw;
  if (typeof id !== 'string' || !idPattern.test(id)) return 'invalid id';
  if (!Array.isArray(stamps) || stamps.length === 0) return `${id}: no stamps`;
  let newest = '';
  for (const stamp of stamps) {
    if (typeof stamp !== 'string' || !hlcPattern.test(stamp)) return `${id}: invalid stamp`;
    if (stamp > newest) newest = stamp;
  }
  const table = stamps as readonly string[];
  const size = table.length;
  const isStamp = (index: unknown): index is number => typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < size;
  if (!Array.isArray(fields) || fields.length === 0 || fields.length % 3 !== 0) return `${id}: fields are not a list of versions`;
  const items = fields as readonly unknown[];
  const registers: Record<string, Version[]> = {};
  let previous = '';
  let register: Version[] = [];
  let inConflict = false;
  /** Where the current path's first version (the value shown) is in `items`. */
  let headAt = 0;
  let step = firstPath;
  for (let i = 0; i < items.length; i += 3) {
    const path = items[i];
    const next = step.next;
    const known = next !== null && next.path === path;
    const samePath = !known && i > 0 && path === previous;
    if (!known && !samePath) {
      if (typeof path !== 'string' || path === '' || path.length > maxPathLength) return `${id}: invalid field path`;
      if (namesForbiddenKey(path)) return `${id}: the field path ${path} names a forbidden key`;
    }
    const where = items[i + 2];
    let at: number;
    let seenIndexes: Record<string, unknown> | null = null;
    if (typeof where === 'number') {
      if (!isStamp(where)) return `${id}: ${path}: unknown stamp`;
      at = where;
    } else {
      if (!Array.isArray(where) || where.length !== 2 || !isObject(where[1])) return `${id}: ${path}: invalid version`;
      if (!isStamp(where[0])) return `${id}: ${path}: unknown stamp`;
      at = where[0];
      seenIndexes = where[1];
      for (const device in seenIndexes) if (!isStamp(seenIndexes[device])) return `${id}: ${path}: unknown stamp`;
    }
    // Checked after the stamps, as before paths were remembered: a record wrong in both ways gives the same reason.
    if (known) step = next;
    else if (samePath) inConflict ||= !sameValue(items[i + 1], items[headAt + 1]);
    else {
      if (path < previous) return `${id}: fields not in order (${path})`;
      step = checkedAfter(step, path);
    }
    if (!samePath) headAt = i;
    previous = path;
    if (!build) continue;
    const hlc = table[at] as Hlc;
    let version: Version = { value: items[i + 1], hlc };
    if (seenIndexes) {
      const seen: Record<string, Hlc> = {};
      for (const device in seenIndexes) seen[device] = table[seenIndexes[device] as number] as Hlc;
      version = { value: items[i + 1], hlc, seen };
    }
    if (samePath) register.push(version);
    else {
      register = [version];
      registers[path] = register;
    }
  }
  const record: InterviewRecord = { ...extras, id, fields: registers satisfies FieldRegisters };
  return { record, newest, inConflict };
}

/**
 * Walks a checked record's winning values — the first version of each field — straight from the
 * wire, without building its registers (exports need only the winners).
 */
export function walkWireWinners(raw: { readonly fields?: unknown }): (visit: (path: string, value: unknown) => void) => void {
  return (visit) => {
    const items = Array.isArray(raw.fields) ? (raw.fields as readonly unknown[]) : [];
    let previous: unknown = undefined;
    for (let i = 0; i + 2 < items.length; i += 3) {
      const path = items[i];
      if (path === previous || typeof path !== 'string') continue;
      previous = path;
      visit(path, items[i + 1]);
    }
  };
}
