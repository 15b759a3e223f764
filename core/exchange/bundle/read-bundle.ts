/**
 * Reads a `.maillage` bundle from outside. Every check a hostile or damaged file needs happens
 * here, before a single record reaches the database: zip safety, manifest, version, checksums,
 * JSON limits, record shapes, duplicate ids, and clocks from the future.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { z } from 'zod';
import { err, ok, type Result } from '../../shared/result';
import { wallOf } from '../hlc';
import type { Dataset } from './dataset';
import type { BundleError } from './errors';
import { parseJsonEntry } from './safe-json';
import {
  bundleVersion, bundleVersionText, entryPaths, formRecordSchema, interviewRecordSchema, manifestSchema, recordKinds, tombstoneRecordSchema,
  type FormRecord, type InterviewRecord, type Manifest, type TombstoneRecord,
} from './schema';
import { readZip } from './zip';

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

function newestWall(dataset: Dataset): { stamp: string; wall: number } {
  let best = { stamp: '', wall: 0 };
  const consider = (stamp: string) => {
    const wall = wallOf(stamp);
    if (wall > best.wall) best = { stamp, wall };
  };
  for (const record of dataset.interviews.values()) for (const register of Object.values(record.fields)) for (const v of register) consider(v.hlc);
  for (const tombstone of dataset.tombstones.values()) consider(tombstone.hlc);
  return best;
}

export function readBundle(bytes: Uint8Array, now: Date): Result<ReadBundle, BundleError> {
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
    if (bytesToHex(sha256(data)) !== entry.sha256) return err({ code: 'checksum-mismatch', path: entry.path });
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
  const interviews = parseRecords<InterviewRecord>(entryPaths.interviews, parsed.interviews, interviewRecordSchema, (r) => r.id);
  if (!interviews.ok) return interviews;
  const tombstones = parseRecords<TombstoneRecord>(entryPaths.tombstones, parsed.tombstones, tombstoneRecordSchema, (r) => r.id);
  if (!tombstones.ok) return tombstones;
  const forms = parseRecords<FormRecord>(entryPaths.forms, parsed.forms, formRecordSchema, (r) => r.key);
  if (!forms.ok) return forms;

  const dataset: Dataset = { interviews: interviews.value, tombstones: tombstones.value, forms: forms.value };
  const newest = newestWall(dataset);
  if (newest.wall > now.getTime() + maxClockDriftMs) {
    return err({ code: 'from-the-future', stamp: newest.stamp, minutesAhead: Math.round((newest.wall - now.getTime()) / 60_000) });
  }
  return ok({ manifest: manifest.data, dataset });
}
