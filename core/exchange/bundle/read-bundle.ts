/**
 * Reads a `.maillage` bundle from outside. Every check a hostile or damaged file needs happens
 * here, before a single record reaches the database: zip safety, manifest, version, checksums,
 * JSON limits, record shapes, duplicate ids, and clocks from the future.
 */
import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { wallOf } from '../hlc';
import type { Dataset } from './dataset';
import type { BundleError } from './errors';
import { parseJsonEntry } from './safe-json';
import {
  bundleVersion, bundleVersionText, entryPaths, formRecordSchema, manifestSchema, recordKinds, tombstoneRecordSchema,
  type FormRecord, type InterviewRecord, type Manifest, type TombstoneRecord,
} from './schema';
import { readZip } from './zip';
import { decodeInterviewRecord } from './interview-wire';
import { sha256Hex, type Sha256Hex } from './checksum';

/** Clocks may drift this much ahead before a bundle is put aside. */
export const maxClockDriftMs = 5 * 60 * 1000;

export interface ReadBundle {
  readonly manifest: Manifest;
  readonly dataset: Dataset;
}

function parseRecords<T extends { readonly [key: string]: unknown }>(
  path: string, raw: unknown, schema: z.ZodType, keyOf: (record: T) => string,
): Result<Map<string, T>, BundleError> {
  if (!Array.isArray(raw)) return err({ code: 'invalid-record', path, detail: 'not a list' });
  const out = new Map<string, T>();
  for (const [index, item] of raw.entries()) {
    const parsed = schema.safeParse(item);
    if (!parsed.success) return err({ code: 'invalid-record', path, detail: `#${index}: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
    const record = parsed.data as T;
    const key = keyOf(record);
    if (out.has(key)) return err({ code: 'duplicate-id', id: key });
    out.set(key, record);
  }
  return ok(out);
}

function parseInterviews(path: string, raw: unknown): Result<{ records: Map<string, InterviewRecord>; newest: string }, BundleError> {
  if (!Array.isArray(raw)) return err({ code: 'invalid-record', path, detail: 'not a list' });
  const records = new Map<string, InterviewRecord>();
  let newest = '';
  for (const [index, item] of raw.entries()) {
    const decoded = decodeInterviewRecord(item);
    if (typeof decoded === 'string') return err({ code: 'invalid-record', path, detail: `#${index}: ${decoded}` });
    if (records.has(decoded.record.id)) return err({ code: 'duplicate-id', id: decoded.record.id });
    records.set(decoded.record.id, decoded.record);
    if (decoded.newest > newest) newest = decoded.newest;
  }
  return ok({ records, newest });
}

export interface ReadOptions {
  /** A faster SHA-256 where the shell has one (Node's crypto); the pure one otherwise. */
  readonly sha256?: Sha256Hex;
}

export function readBundle(bytes: Uint8Array, now: Date, options: ReadOptions = {}): Result<ReadBundle, BundleError> {
  const hash = options.sha256 ?? sha256Hex;
  const zip = readZip(bytes);
  if (!zip.ok) return zip;
  const files = zip.value;
  const manifestBytes = files.get('manifest.json');
  if (!manifestBytes) return err({ code: 'not-a-bundle' });
  const manifestJson = parseJsonEntry('manifest.json', manifestBytes);
  if (!manifestJson.ok) return manifestJson;
  const raw = manifestJson.value;
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== 'maillage-bundle') return err({ code: 'not-a-bundle' });
  const version = (raw as { version?: unknown }).version;
  const major = typeof version === 'string' ? Number(version.split('.')[0]) : Number.NaN;
  if (Number.isFinite(major) && major > bundleVersion.major) return err({ code: 'newer-major', found: String(version), supported: bundleVersionText });
  const manifest = manifestSchema.safeParse(raw);
  if (!manifest.success) return err({ code: 'invalid-record', path: 'manifest.json', detail: manifest.error.issues[0]?.message ?? 'invalid' });

  const known = new Set<string>(Object.values(entryPaths));
  for (const name of files.keys()) {
    if (name === 'manifest.json' || known.has(name)) continue;
    if (name.startsWith('records/')) return err({ code: 'unknown-kind', kind: name.replace(/^records\//, '').replace(/\.json$/, '') });
  }
  for (const entry of manifest.data.entries) {
    const data = files.get(entry.path);
    if (!data) return err({ code: 'missing-entry', path: entry.path });
    if (hash(data) !== entry.sha256) return err({ code: 'checksum-mismatch', path: entry.path });
  }

  const parsed: Partial<Record<(typeof recordKinds)[number], unknown>> = {};
  for (const kind of recordKinds) {
    const path = entryPaths[kind];
    const data = files.get(path);
    if (!data) return err({ code: 'missing-entry', path });
    if (!manifest.data.entries.some((e) => e.path === path)) return err({ code: 'checksum-mismatch', path });
    const json = parseJsonEntry(path, data);
    if (!json.ok) return json;
    parsed[kind] = json.value;
  }
  const interviews = parseInterviews(entryPaths.interviews, parsed.interviews);
  if (!interviews.ok) return interviews;
  const tombstones = parseRecords<TombstoneRecord>(entryPaths.tombstones, parsed.tombstones, tombstoneRecordSchema, (r) => r.id);
  if (!tombstones.ok) return tombstones;
  const forms = parseRecords<FormRecord>(entryPaths.forms, parsed.forms, formRecordSchema, (r) => r.key);
  if (!forms.ok) return forms;

  const dataset: Dataset = { interviews: interviews.value.records, tombstones: tombstones.value, forms: forms.value };
  let newest = interviews.value.newest;
  for (const tombstone of dataset.tombstones.values()) if (tombstone.hlc > newest) newest = tombstone.hlc;
  const wall = newest === '' ? 0 : wallOf(newest);
  if (wall > now.getTime() + maxClockDriftMs) {
    return err({ code: 'from-the-future', stamp: newest, minutesAhead: Math.round((wall - now.getTime()) / 60_000) });
  }
  return ok({ manifest: manifest.data, dataset });
}
