/**
 * Writes a dataset as a `.maillage` bundle. The same data gives the same bytes: records sorted by
 * id, keys sorted, one time for the manifest and every zip entry — the caller's `time`, which the
 * shells take from SOURCE_DATE_EPOCH when it is set (as reproducible builds do). (With the same
 * compressor: the app's and Node's DEFLATE give different bytes for the same entries, whose
 * checksums are the same.)
 */
import { canonicalJson } from './canonical-json';
import { sha256Hex, type Sha256Hex } from './checksum';
import type { Dataset } from './dataset';
import { directoryItems, type DeviceDirectory } from './device-directory';
import { encodeInterviewEntry } from './interview-entry';
import { bundleFormat, bundleVersionText, entryPaths, type FormRecord, type Manifest, type TombstoneRecord } from './schema';
import { writeZip, writeZipWith, type DeflateCodec } from './zip';

export interface BundleOrigin {
  readonly device: { readonly id: string; readonly name: string };
  readonly researcher: string;
  readonly time: Date;
  /** Unknown manifest fields read from a newer minor version, written back as they were. */
  readonly extraManifest?: Readonly<Record<string, unknown>>;
}

/** Faster primitives where the shell has them (Node's crypto and zlib). */
export interface WriteOptions {
  readonly sha256?: Sha256Hex;
  readonly deflate?: DeflateCodec;
}

const encoder = new TextEncoder();
const byKey = <T>(map: ReadonlyMap<string, T>): T[] => [...map.keys()].sort().map((k) => map.get(k) as T);

/** The bundle's parts once the interviews entry is written (see writeBundle). */
export interface BundleParts {
  readonly interviewsEntry: Uint8Array;
  readonly interviewCount: number;
  readonly tombstones: ReadonlyMap<string, TombstoneRecord>;
  readonly forms: ReadonlyMap<string, FormRecord>;
  /** The other devices, by name (the writer's own entry is left out). */
  readonly devices?: DeviceDirectory;
}

/** The bundle's zip entries, the manifest included (its checksums computed with `hash`). */
export function bundleEntries(parts: BundleParts, origin: BundleOrigin, hash: Sha256Hex = sha256Hex): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>([
    [entryPaths.interviews, parts.interviewsEntry],
    [entryPaths.tombstones, encoder.encode(canonicalJson(byKey(parts.tombstones)))],
    [entryPaths.forms, encoder.encode(canonicalJson(byKey(parts.forms)))],
  ]);
  const manifest: Manifest = {
    ...origin.extraManifest,
    format: bundleFormat,
    version: bundleVersionText,
    exportedAt: origin.time.toISOString(),
    device: origin.device,
    researcher: origin.researcher,
    entries: [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, bytes]) => ({ path, sha256: hash(bytes), bytes: bytes.length })),
    counts: { interviews: parts.interviewCount, tombstones: parts.tombstones.size, forms: parts.forms.size },
  };
  const devices = directoryItems(parts.devices, origin.device.id);
  if (devices.length > 0) manifest.devices = devices;
  files.set('manifest.json', encoder.encode(canonicalJson(manifest)));
  return files;
}

export function writeBundleParts(parts: BundleParts, origin: BundleOrigin, options: WriteOptions = {}): Uint8Array {
  const files = bundleEntries(parts, origin, options.sha256);
  return options.deflate ? writeZipWith(files, origin.time, options.deflate) : writeZip(files, origin.time);
}

export function writeBundle(dataset: Dataset, origin: BundleOrigin, options: WriteOptions = {}): Uint8Array {
  return writeBundleParts({
    interviewsEntry: encoder.encode(encodeInterviewEntry(byKey(dataset.interviews))),
    interviewCount: dataset.interviews.size,
    tombstones: dataset.tombstones,
    forms: dataset.forms,
    ...(dataset.devices ? { devices: dataset.devices } : {}),
  }, origin, options);
}
