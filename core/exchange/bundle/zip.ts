/**
 * Zip in and out with fflate. Reading refuses what a hostile archive can do: paths that climb out
 * (`../`), absolute paths, and decompression bombs (the declared sizes are capped before anything
 * is inflated, and fflate never writes past a declared size). Writing is deterministic: entries
 * in name order, one fixed time, one compression level.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { err, ok, type Result } from '../../shared/result';
import type { BundleError } from './errors';

export const maxUncompressedBytes = 1024 * 1024 * 1024;
const maxEntries = 10_000;

const isUnsafePath = (name: string) =>
  name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name) || name.split('/').some((part) => part === '..');

const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

export function readZip(bytes: Uint8Array, limit = maxUncompressedBytes): Result<ReadonlyMap<string, Uint8Array>, BundleError> {
  if (!looksLikeZip(bytes)) return err({ code: 'not-a-zip' });
  const state: { refusal: BundleError | null; total: number; count: number } = { refusal: null, total: 0, count: 0 };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (state.refusal) return false;
        state.count += 1;
        state.total += file.originalSize;
        if (isUnsafePath(file.name)) state.refusal = { code: 'unsafe-path', path: file.name };
        else if (state.total > limit || state.count > maxEntries) state.refusal = { code: 'too-large', limitBytes: limit };
        return state.refusal === null && !file.name.endsWith('/');
      },
    });
  } catch {
    return err(state.refusal ?? { code: 'truncated' });
  }
  if (state.refusal) return err(state.refusal);
  return ok(new Map(Object.entries(files)));
}

/**
 * Fixed time for every entry: the bundle's own time (or SOURCE_DATE_EPOCH), to the second.
 * Level 1: bundles are mostly repetitive JSON, where the fastest level already shrinks them
 * several times, and a weekly exchange should not wait on the compressor.
 */
export function writeZip(entries: ReadonlyMap<string, Uint8Array>, time: Date): Uint8Array {
  const zippable: Zippable = {};
  // Zip stores a calendar time without a zone, read by fflate through the local-time getters:
  // hand it a Date whose local fields are the UTC ones, so the bytes do not depend on TZ.
  // Zip times start in 1980; earlier instants are clamped.
  const t = new Date(Math.max(time.getTime(), Date.UTC(1980, 0, 2)));
  const mtime = new Date(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes(), t.getUTCSeconds());
  for (const name of [...entries.keys()].sort()) {
    const data = entries.get(name);
    if (data) zippable[name] = [data, { level: 1, mtime }];
  }
  return zipSync(zippable, { level: 1, mtime });
}
