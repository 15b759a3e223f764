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
  type FormRecord, type Manifest, type TombstoneRecord,
} from './schema';
import { readZip, readZipAsync, readZipExcept, type InflateRaw, type InflateRawAsync, type StoredEntry } from './zip';
import { checkInterviewEntry, indexInterviewEntry, parseInterviewEntry, type ByteSearch, type IndexedInterview } from './interview-entry';
import { walkWireWinners } from './interview-wire';
import { interviewFromWinners } from '../interview-sync';
import type { Interview } from '../../records/interview';
import { sha256Hex, type Sha256Hex } from './checksum';
import { directoryOf } from './device-directory';

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

export interface ReadOptions {
  /** A faster SHA-256 where the shell has one (Node's crypto); the pure one otherwise. */
  readonly sha256?: Sha256Hex;
  /** A faster inflater where the shell has one (Node's zlib); fflate's otherwise. */
  readonly inflate?: InflateRaw;
  /** A faster search for line breaks where the shell has one (Node's Buffer); Uint8Array's otherwise. */
  readonly search?: ByteSearch;
}

export interface OpenedBundle {
  readonly manifest: Manifest;
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly tombstones: ReadonlyMap<string, TombstoneRecord>;
  readonly forms: ReadonlyMap<string, FormRecord>;
}

/** Every check but the interviews': zip, manifest, version, kinds, checksums; tombstones and forms read. */
function openBundle(bytes: Uint8Array, options: ReadOptions): Result<OpenedBundle, BundleError> {
  const hash = options.sha256 ?? sha256Hex;
  const zip = readZip(bytes, undefined, options.inflate);
  if (!zip.ok) return zip;
  return openFiles(zip.value, (_path, data) => hash(data));
}

/**
 * The checks on the archive's entries; `checksumOf` gives an entry's SHA-256 (computed ahead where
 * that is asynchronous). The entry `deferred`, when given, is only checked to be listed: its
 * reader checks its content later.
 */
function openFiles(files: ReadonlyMap<string, Uint8Array>, checksumOf: (path: string, data: Uint8Array) => string, deferred?: string): Result<OpenedBundle, BundleError> {
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
    if (entry.path !== deferred && checksumOf(entry.path, data) !== entry.sha256) return err({ code: 'checksum-mismatch', path: entry.path });
  }
  for (const kind of recordKinds) {
    const path = entryPaths[kind];
    if (!files.has(path)) return err({ code: 'missing-entry', path });
    if (!manifest.data.entries.some((e) => e.path === path)) return err({ code: 'checksum-mismatch', path });
  }
  const small = (path: string): Result<unknown, BundleError> => parseJsonEntry(path, files.get(path) ?? new Uint8Array());
  const tombstonesJson = small(entryPaths.tombstones);
  if (!tombstonesJson.ok) return tombstonesJson;
  const formsJson = small(entryPaths.forms);
  if (!formsJson.ok) return formsJson;
  const tombstones = parseRecords<TombstoneRecord>(entryPaths.tombstones, tombstonesJson.value, tombstoneRecordSchema, (r) => r.id);
  if (!tombstones.ok) return tombstones;
  const forms = parseRecords<FormRecord>(entryPaths.forms, formsJson.value, formRecordSchema, (r) => r.key);
  if (!forms.ok) return forms;
  return ok({ manifest: manifest.data, files, tombstones: tombstones.value, forms: forms.value });
}

/** A bundle whose clocks run more than the allowed drift ahead of `now` is put aside. */
export function checkClock(interviewsNewest: string, tombstones: ReadonlyMap<string, TombstoneRecord>, now: Date): BundleError | null {
  let newest = interviewsNewest;
  for (const tombstone of tombstones.values()) if (tombstone.hlc > newest) newest = tombstone.hlc;
  const wall = newest === '' ? 0 : wallOf(newest);
  if (wall <= now.getTime() + maxClockDriftMs) return null;
  return { code: 'from-the-future', stamp: newest, minutesAhead: Math.round((wall - now.getTime()) / 60_000) };
}

export function readBundle(bytes: Uint8Array, now: Date, options: ReadOptions = {}): Result<ReadBundle, BundleError> {
  return readOpened(openBundle(bytes, options), now);
}

/** What a browser offers natively, both asynchronous: SHA-256 (WebCrypto) and DEFLATE (DecompressionStream). */
export interface AsyncReadOptions {
  readonly sha256: (data: Uint8Array) => Promise<string>;
  readonly inflate: InflateRawAsync;
}

/** readBundle with native asynchronous primitives: the same checks, the same refusals, several times faster in a browser. */
export async function readBundleAsync(bytes: Uint8Array, now: Date, options: AsyncReadOptions): Promise<Result<ReadBundle, BundleError>> {
  const zip = await readZipAsync(bytes, options.inflate);
  if (!zip.ok) return zip;
  const digests = new Map<string, string>();
  await Promise.all([...zip.value].map(async ([path, data]) => {
    digests.set(path, await options.sha256(data));
  }));
  return readOpened(openFiles(zip.value, (path) => digests.get(path) ?? ''), now);
}

function readOpened(opened: Result<OpenedBundle, BundleError>, now: Date): Result<ReadBundle, BundleError> {
  if (!opened.ok) return opened;
  const { manifest, files, tombstones, forms } = opened.value;
  const interviews = parseInterviewEntry(entryPaths.interviews, files.get(entryPaths.interviews) ?? new Uint8Array());
  if (!interviews.ok) return interviews;
  const future = checkClock(interviews.value.newest, tombstones, now);
  if (future) return err(future);
  // Who wrote it and the devices it names: conflicts are then shown with names (device-directory.ts).
  return ok({ manifest, dataset: { interviews: interviews.value.records, tombstones, forms, devices: directoryOf(manifest) } });
}

/** A bundle checked exactly as readBundle checks it, with its interviews kept as lines. */
export interface IndexedBundle {
  readonly manifest: Manifest;
  readonly interviews: ReadonlyMap<string, IndexedInterview>;
  readonly tombstones: ReadonlyMap<string, TombstoneRecord>;
  readonly forms: ReadonlyMap<string, FormRecord>;
}

export function readBundleIndex(bytes: Uint8Array, now: Date, options: ReadOptions = {}): Result<IndexedBundle, BundleError> {
  const opened = openBundle(bytes, options);
  if (!opened.ok) return opened;
  const { manifest, files, tombstones, forms } = opened.value;
  const interviews = indexInterviewEntry(entryPaths.interviews, files.get(entryPaths.interviews) ?? new Uint8Array(), options.search);
  if (!interviews.ok) return interviews;
  const future = checkClock(interviews.value.newest, tombstones, now);
  if (future) return err(future);
  return ok({ manifest, interviews: interviews.value.records, tombstones, forms });
}

/** A bundle checked exactly as readBundle checks it, its interviews as the winners of their fields describe them. */
export interface BundleInterviews {
  readonly manifest: Manifest;
  readonly interviews: readonly Interview[];
  readonly tombstones: ReadonlyMap<string, TombstoneRecord>;
  readonly forms: ReadonlyMap<string, FormRecord>;
}

/** For exports, which need only what each interview shows: no registers are built. */
export function readBundleInterviews(bytes: Uint8Array, now: Date, options: ReadOptions = {}): Result<BundleInterviews, BundleError> {
  const opened = openBundle(bytes, options);
  if (!opened.ok) return opened;
  const { manifest, files, tombstones, forms } = opened.value;
  const checked = checkInterviewEntry(entryPaths.interviews, files.get(entryPaths.interviews) ?? new Uint8Array());
  if (!checked.ok) return checked;
  const future = checkClock(checked.value.newest, tombstones, now);
  if (future) return err(future);
  const interviews: Interview[] = [];
  for (const { raw } of checked.value.records) {
    const interview = interviewFromWinners(raw.id, walkWireWinners(raw), null);
    if (interview) interviews.push(interview);
  }
  return ok({ manifest, interviews, tombstones, forms });
}

/**
 * Every check but the interviews' (zip, manifest, version, kinds, checksums; tombstones and forms
 * read), for readers that then share the interview entry among threads (see
 * checkInterviewChunk) and finish with checkClock, as readBundleInterviews does in one go.
 */
export function openBundleForParts(bytes: Uint8Array, options: ReadOptions = {}): Result<OpenedBundle & { readonly entry: Uint8Array }, BundleError> {
  const opened = openBundle(bytes, options);
  if (!opened.ok) return opened;
  return ok({ ...opened.value, entry: opened.value.files.get(entryPaths.interviews) ?? new Uint8Array() });
}

/** A bundle opened but for its interview entry, left as stored for the caller to expand (in pieces, for other threads to start on). */
export interface OpenedButInterviews {
  readonly tombstones: ReadonlyMap<string, TombstoneRecord>;
  readonly forms: ReadonlyMap<string, FormRecord>;
  /** The interview entry as the archive stores it (compressed). */
  readonly stored: StoredEntry;
  /** How many bytes the archive's cap still allows the entry, expanded. */
  readonly remaining: number;
  /** The entry's SHA-256 as the manifest lists it (hex): the reader expands the entry and checks it. */
  readonly sha256: string;
}

/**
 * openBundleForParts in two steps: every other entry expanded and checked first (they are small),
 * the interview entry left to the caller, which expands it and checks it against `sha256` (in
 * pieces that other threads can start on). Null when anything is wrong: the ordinary reading then
 * gives the exact reason, in its order.
 */
export function openBundleButInterviews(bytes: Uint8Array, options: Required<Pick<ReadOptions, 'sha256' | 'inflate'>>): OpenedButInterviews | null {
  const path = entryPaths.interviews;
  const zip = readZipExcept(bytes, path, options.inflate);
  const stored = zip.ok ? zip.value.stored : undefined;
  if (!zip.ok || !stored) return null;
  const files = new Map(zip.value.files).set(path, new Uint8Array());
  const opened = openFiles(files, (_path, data) => options.sha256(data), path);
  const listed = opened.ok ? opened.value.manifest.entries.find((e) => e.path === path) : undefined;
  if (!opened.ok || !listed) return null;
  const { remaining } = zip.value;
  return {
    tombstones: opened.value.tombstones,
    forms: opened.value.forms,
    stored,
    remaining,
    sha256: listed.sha256,
  };
}
