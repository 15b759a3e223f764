/**
 * Writes a dataset as a `.maillage` bundle. The same data gives the same bytes: records sorted by
 * id, keys sorted, one time for the manifest and every zip entry — the caller's `time`, which the
 * shells take from SOURCE_DATE_EPOCH when it is set (as reproducible builds do).
 */
import { canonicalJson } from './canonical-json';
import { sha256Hex, type Sha256Hex } from './checksum';
import { encodeInterviewRecord } from './interview-wire';
import type { Dataset } from './dataset';
import { bundleFormat, bundleVersionText, entryPaths, type Manifest } from './schema';
import { writeZip } from './zip';

export interface BundleOrigin {
  readonly device: { readonly id: string; readonly name: string };
  readonly researcher: string;
  readonly time: Date;
  /** Unknown manifest fields read from a newer minor version, written back as they were. */
  readonly extraManifest?: Readonly<Record<string, unknown>>;
}

const encoder = new TextEncoder();
const byKey = <T>(map: ReadonlyMap<string, T>): T[] => [...map.keys()].sort().map((k) => map.get(k) as T);

export function writeBundle(dataset: Dataset, origin: BundleOrigin, hash: Sha256Hex = sha256Hex): Uint8Array {
  const files = new Map<string, Uint8Array>([
    [entryPaths.interviews, encoder.encode(`[${byKey(dataset.interviews).map(encodeInterviewRecord).join(',')}]`)],
    [entryPaths.tombstones, encoder.encode(canonicalJson(byKey(dataset.tombstones)))],
    [entryPaths.forms, encoder.encode(canonicalJson(byKey(dataset.forms)))],
  ]);
  const manifest: Manifest = {
    ...origin.extraManifest,
    format: bundleFormat,
    version: bundleVersionText,
    exportedAt: origin.time.toISOString(),
    device: origin.device,
    researcher: origin.researcher,
    entries: [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, bytes]) => ({ path, sha256: hash(bytes), bytes: bytes.length })),
    counts: { interviews: dataset.interviews.size, tombstones: dataset.tombstones.size, forms: dataset.forms.size },
  };
  files.set('manifest.json', encoder.encode(canonicalJson(manifest)));
  return writeZip(files, origin.time);
}
