/**
 * The interview entry of a bundle expanded once, into memory that the leading worker of a CSV
 * export reads while it fills: the command's thread expands it in the background (zlib's own
 * thread) and says after each piece how far it got; the worker reads the whole lines known so
 * far and waits for more. Neither thread expands it a second time, and the worker starts on the
 * first records a few milliseconds after the command sends it the entry.
 */
import { createHash } from 'node:crypto';
import { createInflateRaw } from 'node:zlib';
import { moreLeadingLines, startsAnEntry } from '../../core/exchange/bundle/interview-entry';
import { nodeByteSearch } from '../bundles/node-byte-search';
import type { StoredEntry } from '../../core/exchange/bundle/zip';

/** The memory the entry is expanded into, and how far it got. Plain data: it crosses threads. */
export interface SharedEntry {
  readonly bytes: SharedArrayBuffer;
  /** [bytes written so far, state, news]: `news` counts every change, for the worker to wait on. */
  readonly progress: SharedArrayBuffer;
}

const written = 0;
const state = 1;
const news = 2;
const filling = 0;
const filled = 1;
const failed = 2;

/** Output pieces: large enough that waking the worker costs nothing, small enough that it starts at once. */
const pieceSize = 1 << 20;
/** A bundle's JSON shrinks about six times; an entry that claims to grow much more is read the ordinary way. */
const plausibleRatio = 64;

/**
 * Memory for `stored` once expanded, or null when its declared size is not one to trust with
 * that much memory (more than the cap allows, or far more than its stored bytes could give).
 */
export function shareEntry(stored: StoredEntry, remaining: number): SharedEntry | null {
  const size = stored.declaredSize;
  if (size < 2 || size > remaining || (stored.method !== 0 && size > stored.data.length * plausibleRatio + pieceSize)) return null;
  if (stored.method === 0 && stored.data.length !== size) return null;
  return { bytes: new SharedArrayBuffer(size), progress: new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT) };
}

/** The command's side: writes pieces of the entry as they come, and says how far it got. */
export class SharedEntryWriter {
  private readonly out: Uint8Array;
  private readonly progress: Int32Array;
  private at = 0;
  private ended = false;

  constructor(entry: SharedEntry) {
    this.out = new Uint8Array(entry.bytes);
    this.progress = new Int32Array(entry.progress);
  }

  /** The next piece; false (and nothing written) when it would go past the declared size. */
  write(piece: Uint8Array): boolean {
    if (this.ended || this.at + piece.length > this.out.length) return false;
    this.out.set(piece, this.at);
    this.at += piece.length;
    this.publish(filling);
    return true;
  }

  /** The end: the whole entry when `ok` and every byte declared was written; null (and the worker told) otherwise. */
  finish(ok: boolean): Uint8Array | null {
    if (this.ended) return null;
    this.ended = true;
    const whole = ok && this.at === this.out.length;
    this.publish(whole ? filled : failed);
    return whole ? this.out : null;
  }

  /** The count, then the state, then the news that wakes the worker: whatever it read before, it does not sleep through this. */
  private publish(next: number): void {
    Atomics.store(this.progress, written, this.at);
    if (next !== filling) Atomics.store(this.progress, state, next);
    Atomics.add(this.progress, news, 1);
    Atomics.notify(this.progress, news);
  }
}

/**
 * Expands `stored` into `entry`, piece after piece, telling the worker after each one. The entry
 * when it fills the declared size exactly and its SHA-256 is `sha256`; null otherwise (the
 * worker is told, and the ordinary reading then says what is wrong).
 */
export function fillSharedEntry(entry: SharedEntry, stored: StoredEntry, sha256: string): Promise<Uint8Array | null> {
  const writer = new SharedEntryWriter(entry);
  const hash = createHash('sha256');
  if (stored.method === 0) {
    const ok = writer.write(stored.data) && hash.update(stored.data).digest('hex') === sha256;
    return Promise.resolve(writer.finish(ok));
  }
  return new Promise((resolve) => {
    let done = false;
    const end = (ok: boolean) => {
      if (done) return;
      done = true;
      resolve(writer.finish(ok));
    };
    const inflater = createInflateRaw({ chunkSize: pieceSize });
    inflater.on('data', (piece: Buffer) => {
      if (done) return;
      if (!writer.write(piece)) {
        inflater.destroy();
        end(false);
        return;
      }
      hash.update(piece);
    });
    inflater.on('error', () => {
      end(false);
    });
    inflater.on('end', () => {
      end(hash.digest('hex') === sha256);
    });
    inflater.end(stored.data);
  });
}

/** How long the worker waits for the next piece before it gives up: the command's thread died or hangs. */
const patience = 60_000;

/**
 * How the worker waits for the next piece: until the news count moves from `seen`, or `ms` pass.
 * Atomics.wait (which says 'not-equal' when the count moved before it was called); a test in one
 * thread passes a pause that writes the next piece itself.
 */
export type Pause = (progress: Int32Array, seen: number, ms: number) => unknown;

export const atomicsPause: Pause = (progress, seen, ms) => Atomics.wait(progress, news, seen, ms);

/** The worker's side: how far the entry is known, waiting for more. */
export class SharedEntryReader {
  readonly bytes: Uint8Array;
  private readonly progress: Int32Array;

  constructor(
    entry: SharedEntry,
    private readonly pause: Pause = atomicsPause,
  ) {
    this.bytes = new Uint8Array(entry.bytes);
    this.progress = new Int32Array(entry.progress);
  }

  /**
   * Waits until more than `known` bytes are written, or the filling ends. How many bytes are
   * known then, and whether more can come; null when the filling failed (or never moved on).
   */
  more(known: number): { readonly known: number; readonly final: boolean } | null {
    const started = Date.now();
    for (;;) {
      // Read first: any change after it moves the count the pause waits on.
      const seen = Atomics.load(this.progress, news);
      const now = Atomics.load(this.progress, written);
      const at = Atomics.load(this.progress, state);
      if (at === failed) return null;
      // The count is written before the state: read again, it is the final one.
      if (now > known || at === filled) return { known: Math.max(now, Atomics.load(this.progress, written)), final: at === filled };
      if (Date.now() - started > patience) return null;
      this.pause(this.progress, seen, 100);
    }
  }
}

/**
 * The whole lines of a shared entry known so far (numbered as linesOf numbers them, never the
 * last), up to those that end before byte `reach`: the leading worker's lines, found as the
 * entry fills.
 */
export class SharedLines {
  readonly lines: Uint8Array[] = [];
  /** The entry does not give the lines (its filling failed, or it is not an entry): the export is read the ordinary way. */
  doubtful = false;
  private known = 0;
  private next = 2;
  /** Where no line break was found yet: a long line is searched once, not again at each piece. */
  private searched = 2;
  /** A whole line stopped the scan (the entry's last, or one the whole reading refuses): no later line will come. */
  private stopped = false;

  constructor(
    private readonly reader: SharedEntryReader,
    private readonly reach: number,
  ) {}

  get bytes(): Uint8Array {
    return this.reader.bytes;
  }

  /** Waits for more of the entry and adds its whole lines; false when no line will ever be added. */
  grow(): boolean {
    if (this.stopped || this.doubtful) return false;
    const more = this.reader.more(this.known);
    if (!more) {
      this.doubtful = true;
      return false;
    }
    // Everything known is scanned: the rest is the command's thread's.
    if (more.final && more.known === this.known) return false;
    this.known = more.known;
    const prefix = this.reader.bytes.subarray(0, Math.min(this.known, this.reach));
    if (prefix.length < 2) return true;
    if (!startsAnEntry(prefix)) {
      this.doubtful = true;
      return false;
    }
    const find = nodeByteSearch(prefix);
    if (find(0x0a, Math.max(this.next, this.searched)) >= 0) {
      this.next = moreLeadingLines(prefix, this.next, this.lines, () => find);
      this.stopped = find(0x0a, this.next) >= 0;
    }
    this.searched = Math.max(this.searched, prefix.length);
    return true;
  }
}
