/**
 * How an interview travels in `records/interviews.json`: its stamps once, in a sorted table, and
 * each field's versions as `[value, stamp]` or `[value, stamp, {device: stamp}]` where stamps are
 * indexes into the table. A 300-answer interview shares a handful of stamps, so this is about a
 * quarter of the size of spelling every stamp out, and reading it checks each stamp once.
 *
 * The decoder is written by hand rather than with zod: it runs over millions of versions.
 */
import { compareHlc, type Hlc } from '../hlc';
import type { FieldRegisters } from '../interview-sync';
import type { Register, Version } from '../register';
import { canonicalJson } from './canonical-json';
import type { InterviewRecord } from './schema';

const hlcPattern = /^[0-9a-z]{9}\.[0-9a-z]{5}\.[a-z0-9-]{1,40}$/;
const idPattern = /^[0-9A-Za-z-]{1,64}$/;
const maxPathLength = 300;

/** The record's JSON text, canonical (sorted keys), ready to be joined into the entry. */
export function encodeInterviewRecord(record: InterviewRecord): string {
  const stamps = new Set<Hlc>();
  for (const register of Object.values(record.fields)) {
    for (const version of register) {
      stamps.add(version.hlc);
      for (const seen of Object.values(version.seen ?? {})) stamps.add(seen);
    }
  }
  const table = [...stamps].sort(compareHlc);
  const index = new Map(table.map((stamp, i) => [stamp, i]));
  const at = (stamp: Hlc) => index.get(stamp) ?? 0;
  const fields: string[] = [];
  for (const path of Object.keys(record.fields).sort()) {
    const versions = (record.fields[path] ?? []).map((v) => {
      const value = canonicalJson(v.value ?? null);
      if (!v.seen) return `[${value},${at(v.hlc)}]`;
      const seen = Object.keys(v.seen).sort().map((device) => `${JSON.stringify(device)}:${at(v.seen?.[device] ?? '')}`);
      return `[${value},${at(v.hlc)},{${seen.join(',')}}]`;
    });
    fields.push(`${JSON.stringify(path)}:[${versions.join(',')}]`);
  }
  const { id, fields: _fields, ...extras } = record;
  const known = `"fields":{${fields.join(',')}},"id":${JSON.stringify(id)},"stamps":${JSON.stringify(table)}`;
  if (Object.keys(extras).length === 0) return `{${known}}`;
  // Fields from a newer minor version: merge them into the sorted key order.
  const parts = [known, ...Object.keys(extras).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(extras[key])}`)];
  return `{${parts.sort((a, b) => (a < b ? -1 : 1)).join(',')}}`;
}

export type DecodedInterview = { readonly record: InterviewRecord; readonly newest: Hlc };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The record, or a short reason why it is not one. */
export function decodeInterviewRecord(raw: unknown): DecodedInterview | string {
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
  const stampAt = (index: unknown): Hlc | null => (typeof index === 'number' && Number.isInteger(index) ? table[index] ?? null : null);
  if (!isObject(fields)) return `${id}: no fields`;
  const registers: Record<string, Register> = {};
  for (const [path, versions] of Object.entries(fields)) {
    if (path.length > maxPathLength) return `${id}: field path too long`;
    if (!Array.isArray(versions) || versions.length === 0) return `${id}: ${path}: no versions`;
    const register: Version[] = [];
    for (const version of versions) {
      if (!Array.isArray(version) || version.length < 2 || version.length > 3) return `${id}: ${path}: invalid version`;
      const hlc = stampAt(version[1]);
      if (hlc === null) return `${id}: ${path}: unknown stamp`;
      const seenRaw: unknown = version[2];
      if (seenRaw === undefined) {
        register.push({ value: version[0], hlc });
        continue;
      }
      if (!isObject(seenRaw)) return `${id}: ${path}: invalid seen`;
      const seen: Record<string, Hlc> = {};
      for (const [device, index] of Object.entries(seenRaw)) {
        const stamp = stampAt(index);
        if (stamp === null) return `${id}: ${path}: unknown stamp`;
        seen[device] = stamp;
      }
      register.push({ value: version[0], hlc, seen });
    }
    registers[path] = register;
  }
  const record: InterviewRecord = { ...extras, id, fields: registers satisfies FieldRegisters };
  return { record, newest };
}
