/**
 * Zip in and out with fflate. Reading refuses what a hostile archive can do: paths that climb out
 * (`../`), absolute paths, and decompression bombs (the declared sizes are capped before anything
 * is inflated, and fflate never writes past a declared size). Writing is deterministic: entries
 * in name order, one fixed time, one compression level.
 */
import { Unzip, UnzipPassThrough, unzipSync, zipSync, type AsyncFlateStreamHandler, type UnzipDecoder, type UnzipFile, type Zippable } from 'fflate';
import { err, ok, type Result } from '../../shared/result';
import type { BundleError } from './errors';

/**
 * The most a bundle may hold once inflated: 500 MiB, below the longest text JavaScript can hold
 * (2^29 − 24 characters in V8), so that any entry within it can be read; ten thousand interviews
 * take about 75 MB.
 */
export const maxUncompressedBytes = 500 * 1024 * 1024;
const maxEntries = 10_000;

const isUnsafePath = (name: string) =>
  name.startsWith('/') || name.includes('\\') || name.includes('\0') || /^[a-zA-Z]:/.test(name) || name.split('/').some((part) => part === '..');

const looksLikeZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * A faster raw-DEFLATE inflater where the shell has one (Node's zlib): the data inflated, or
 * 'too-large' as soon as it would exceed `maxBytes`; it throws on corrupt data. `declaredSize`
 * is the size the archive declares (already within the cap, but untrusted): a hint for the
 * inflater's buffers.
 */
export type InflateRaw = (data: Uint8Array, maxBytes: number, declaredSize?: number) => Uint8Array | 'too-large';

interface Caps {
  refusal: BundleError | null;
  total: number;
  count: number;
}

/** The checks made on the central directory, before anything is inflated. */
function admit(state: Caps, name: string, originalSize: number, limit: number): boolean {
  if (state.refusal) return false;
  state.count += 1;
  state.total += originalSize;
  if (isUnsafePath(name)) state.refusal = { code: 'unsafe-path', path: name };
  else if (state.total > limit || state.count > maxEntries) state.refusal = { code: 'too-large', limitBytes: limit };
  return state.refusal === null && !name.endsWith('/');
}

export function readZip(bytes: Uint8Array, limit = maxUncompressedBytes, inflate?: InflateRaw): Result<ReadonlyMap<string, Uint8Array>, BundleError> {
  if (!looksLikeZip(bytes)) return err({ code: 'not-a-zip' });
  if (inflate) return readZipWith(bytes, limit, inflate);
  const state: Caps = { refusal: null, total: 0, count: 0 };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => admit(state, file.name, file.originalSize, limit) });
  } catch {
    return err(state.refusal ?? { code: 'truncated' });
  }
  if (state.refusal) return err(state.refusal);
  return ok(new Map(Object.entries(files)));
}

const concat = (chunks: readonly Uint8Array[]): Uint8Array => {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
};

/** An entry as stored in the archive: its compression method, its stored bytes and the size it declares. */
export interface StoredEntry {
  readonly method: number;
  readonly data: Uint8Array;
  readonly declaredSize: number;
}

/**
 * The archive's entries as stored, not inflated: fflate walks the central directory (and makes
 * the same checks as readZip, inflating nothing), then its streaming reader hands over each
 * entry's stored bytes, for another inflater to expand.
 */
function storedEntries(bytes: Uint8Array, limit: number): Result<Map<string, StoredEntry>, BundleError> {
  const state: Caps = { refusal: null, total: 0, count: 0 };
  const declared = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (admit(state, file.name, file.originalSize, limit)) declared.set(file.name, file.originalSize);
        return false;
      },
    });
  } catch {
    return err(state.refusal ?? { code: 'truncated' });
  }
  if (state.refusal) return err(state.refusal);

  const entries = new Map<string, StoredEntry>();
  let failure: BundleError | null = null;
  /** Hands the stored (deflated) bytes through as they are. */
  class Keep implements UnzipDecoder {
    static readonly compression = 8;
    ondata: AsyncFlateStreamHandler = () => undefined;
    private readonly chunks: Uint8Array[] = [];
    push(chunk: Uint8Array, final: boolean): void {
      this.chunks.push(chunk.slice());
      if (final) this.ondata(null, concat(this.chunks) as Uint8Array<ArrayBuffer>, true);
    }
  }
  const unzip = new Unzip((file: UnzipFile) => {
    if (!declared.has(file.name)) {
      if (!file.name.endsWith('/')) failure ??= { code: 'truncated' };
      return;
    }
    const chunks: Uint8Array[] = [];
    file.ondata = (error, data, final) => {
      if (error) {
        failure ??= { code: 'truncated' };
        return;
      }
      chunks.push(data);
      if (final) entries.set(file.name, { method: file.compression, data: concat(chunks), declaredSize: declared.get(file.name) ?? 0 });
    };
    file.start();
  });
  unzip.register(Keep);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch {
    failure ??= { code: 'truncated' };
  }
  if (failure) return err(failure);
  if (entries.size !== declared.size) return err({ code: 'truncated' });
  return ok(entries);
}

type Expanded = Uint8Array | 'too-large' | 'corrupt';

/**
 * The entries expanded so far, the sync and async readers alike: how many bytes the cap still
 * allows, and the result once an entry fails or all are done.
 */
class Expansion {
  private readonly files = new Map<string, Uint8Array>();
  private used = 0;
  private failure: BundleError | null = null;
  constructor(private readonly limit: number) {}

  get remaining(): number {
    return this.limit - this.used;
  }

  /** False when reading must stop. */
  add(name: string, result: Expanded): boolean {
    if (result === 'corrupt') this.failure = { code: 'truncated' };
    else if (result === 'too-large' || this.used + result.length > this.limit) this.failure = { code: 'too-large', limitBytes: this.limit };
    else {
      this.used += result.length;
      this.files.set(name, result);
    }
    return this.failure === null;
  }

  result(): Result<ReadonlyMap<string, Uint8Array>, BundleError> {
    return this.failure ? err(this.failure) : ok(this.files);
  }
}

function readZipWith(bytes: Uint8Array, limit: number, inflate: InflateRaw): Result<ReadonlyMap<string, Uint8Array>, BundleError> {
  const stored = storedEntries(bytes, limit);
  if (!stored.ok) return stored;
  const expansion = new Expansion(limit);
  for (const [name, entry] of stored.value) {
    if (!expansion.add(name, expand(entry, expansion.remaining, inflate))) break;
  }
  return expansion.result();
}

/** What readZipExcept gives: every entry expanded but one, kept as stored, and what the cap still allows it. */
export interface ZipWithStored {
  readonly files: ReadonlyMap<string, Uint8Array>;
  readonly stored: StoredEntry | undefined;
  /** Bytes the cap still allows the entry kept as stored. */
  readonly remaining: number;
}

/**
 * readZip's checks and expansion, but for the entry `kept`, left as stored so that its large
 * content can be expanded elsewhere, in pieces, under what the cap still allows (`remaining`).
 */
export function readZipExcept(bytes: Uint8Array, kept: string, inflate: InflateRaw, limit = maxUncompressedBytes): Result<ZipWithStored, BundleError> {
  if (!looksLikeZip(bytes)) return err({ code: 'not-a-zip' });
  const stored = storedEntries(bytes, limit);
  if (!stored.ok) return stored;
  const expansion = new Expansion(limit);
  for (const [name, entry] of stored.value) {
    if (name !== kept && !expansion.add(name, expand(entry, expansion.remaining, inflate))) break;
  }
  const files = expansion.result();
  if (!files.ok) return files;
  return ok({ files: files.value, stored: stored.value.get(kept), remaining: expansion.remaining });
}

function expand(entry: StoredEntry, remaining: number, inflate: InflateRaw): Expanded {
  if (entry.method === 0) return entry.data;
  try {
    return inflate(entry.data, remaining, entry.declaredSize);
  } catch {
    return 'corrupt';
  }
}

/** An asynchronous raw-DEFLATE inflater (a browser's DecompressionStream), with the same contract as InflateRaw. */
export type InflateRawAsync = (data: Uint8Array, maxBytes: number) => Promise<Uint8Array | 'too-large'>;

/** readZip with an asynchronous inflater: the same checks, the same refusals. */
export async function readZipAsync(bytes: Uint8Array, inflate: InflateRawAsync, limit = maxUncompressedBytes): Promise<Result<ReadonlyMap<string, Uint8Array>, BundleError>> {
  if (!looksLikeZip(bytes)) return err({ code: 'not-a-zip' });
  const stored = storedEntries(bytes, limit);
  if (!stored.ok) return stored;
  const expansion = new Expansion(limit);
  for (const [name, entry] of stored.value) {
    let result: Expanded = entry.data;
    if (entry.method !== 0) {
      try {
        result = await inflate(entry.data, expansion.remaining);
      } catch {
        result = 'corrupt';
      }
    }
    if (!expansion.add(name, result)) break;
  }
  return expansion.result();
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

/** A faster DEFLATE where the shell has one (Node's zlib): raw DEFLATE and the zip CRC-32. */
export interface DeflateCodec {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** MS-DOS time and date of the zip headers, from the UTC fields (see writeZip). */
function dosTime(time: Date): { time: number; date: number } {
  const t = new Date(Math.max(time.getTime(), Date.UTC(1980, 0, 2)));
  return {
    time: (t.getUTCHours() << 11) | (t.getUTCMinutes() << 5) | (t.getUTCSeconds() >> 1),
    date: ((t.getUTCFullYear() - 1980) << 9) | ((t.getUTCMonth() + 1) << 5) | t.getUTCDate(),
  };
}

/** An entry already compressed (raw DEFLATE), with its original size and CRC-32. */
export interface PackedEntry {
  readonly packed: Uint8Array;
  readonly size: number;
  readonly crc: number;
}

/** Compresses every entry with the codec given and lays the archive out as writeZipPacked does. */
export function writeZipWith(entries: ReadonlyMap<string, Uint8Array>, time: Date, codec: DeflateCodec): Uint8Array {
  const packed = new Map<string, PackedEntry>();
  for (const [name, data] of entries) packed.set(name, { packed: codec.deflateRaw(data), size: data.length, crc: codec.crc32(data) });
  return writeZipPacked(packed, time);
}

/**
 * The same archive layout as writeZip (entries in name order, one time, UTF-8 names, sizes in
 * the local headers) around entries compressed elsewhere (Node's zlib, several at once). Zip's
 * headers are a few fixed fields; the compression, the part that matters, is the caller's.
 */
export function writeZipPacked(entries: ReadonlyMap<string, PackedEntry>, time: Date): Uint8Array {
  const encoder = new TextEncoder();
  const { time: dosT, date: dosD } = dosTime(time);
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const name of [...entries.keys()].sort()) {
    const entry = entries.get(name);
    if (!entry) continue;
    const nameBytes = encoder.encode(name);
    const { packed, size } = entry;
    const crc = entry.crc >>> 0;
    // The fields local and central headers share: version needed, flags (UTF-8 names), method
    // (deflate), time, date, CRC-32, sizes and the name's length.
    const common = (view: DataView, at: number) => {
      [20, 0x0800, 8, dosT, dosD].forEach((value, i) => {
        view.setUint16(at + 2 * i, value, true);
      });
      view.setUint32(at + 10, crc, true);
      view.setUint32(at + 14, packed.length, true);
      view.setUint32(at + 18, size, true);
      view.setUint16(at + 22, nameBytes.length, true);
    };
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    common(lv, 4);
    local.set(nameBytes, 30);
    const central = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true); // version made by
    common(cv, 6);
    cv.setUint32(42, offset, true);
    central.set(nameBytes, 46);
    locals.push(local, packed);
    centrals.push(central);
    offset += local.length + packed.length;
  }
  const centralSize = centrals.reduce((sum, c) => sum + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + end.length);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
