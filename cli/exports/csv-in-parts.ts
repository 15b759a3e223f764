/**
 * `maillage export --format csv` of a large bundle, in parts: the interview entry's lines are
 * shared among as many threads as the machine has cores (up to 8), whose workers the process
 * entry starts before the rest of the command loads. As soon as the bundle's other entries are
 * checked, this thread expands the interview entry into memory it shares with the first worker,
 * which reads records from the front as they come (shared-entry.ts); once the whole entry is
 * there and checked, this thread reads records from the back until the two meet
 * (line-claims.ts); on more cores, the other workers read the last lines. The parts are then
 * put together (core/exports/csv-parts.ts).
 * The bytes are those of the ordinary reading: whatever looks wrong in a part (a bad record, a
 * duplicate id across parts, an entry not written one record per line, a checksum that does not
 * match, a worker that fails) sends the export back to the ordinary reading, which gives the
 * exact reason.
 */
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { BundleError } from '../../core/exchange/bundle/errors';
import { checkInterviewChunk, checkInterviewLines, chunkOf, linesEndingBefore, linesOf, type CheckedChunk, type CheckedRecord } from '../../core/exchange/bundle/interview-entry';
import { walkWireWinners } from '../../core/exchange/bundle/interview-wire';
import { checkClock, openBundleButInterviews, openBundleForParts } from '../../core/exchange/bundle/read-bundle';
import type { FormRecord, TombstoneRecord } from '../../core/exchange/bundle/schema';
import { listedInterviewFromWinners } from '../../core/exchange/interview-sync';
import { createCsvPartMaker, type CsvPart, type CsvPartOptions } from '../../core/exports/csv-parts';
import { err, ok, type Result } from '../../core/shared/result';
import { nodeByteSearch } from '../bundles/node-byte-search';
import { nodeInflate } from '../bundles/node-codec';
import { nodeSha256 } from '../bundles/node-sha256';
import { builtInForms } from '../forms/builtin-forms';
import { exportForms, type BundleInput } from './bundle-input';
import { LineClaims } from './line-claims';
import { nodeHmacSha256 } from './node-hmac';
import { csvPartTask, partCount, startPartWorker, type PartWorker } from './part-workers';
import { fillSharedEntry, shareEntry, SharedEntryReader, SharedLines, type Pause, type SharedEntry } from './shared-entry';

export interface CsvPartRequest {
  /** Whole lines of the interview entry (see chunkOf). */
  readonly chunk: Uint8Array;
  /** The forms the bundle carries. */
  readonly forms: readonly FormRecord[];
  /** Ids of deleted interviews (tombstones). */
  readonly deleted: readonly string[];
  readonly options: CsvPartOptions;
}

export type CheckedCsvPart = CsvPart & CheckedChunk;

/** Records checked, each one handed to `visit`: checkInterviewChunk or checkInterviewLines on some lines. */
type Batch = (visit: (raw: CheckedRecord['raw']) => void) => CheckedChunk | null;

/** Lines `[from, to)` of an entry's lines (linesOf) as a batch. */
const linesBatch = (lines: readonly Uint8Array[], from: number, to: number): Batch => (visit) => checkInterviewLines(lines, from, to, visit);

/**
 * One part from batches of whole lines (`next` gives them one after the other, null at the end):
 * its records checked, the living interviews turned into CSV lines. Null at the first doubt.
 */
function readChunks(next: () => Batch | null, request: Omit<CsvPartRequest, 'chunk'>): CheckedCsvPart | null {
  const maker = createCsvPartMaker(exportForms(request.forms).forms, request.options, nodeHmacSha256);
  const deleted = new Set(request.deleted);
  const visit = (raw: CheckedRecord['raw']) => {
    if (deleted.has(raw.id)) return;
    const interview = listedInterviewFromWinners(raw.id, walkWireWinners(raw));
    if (interview) maker.add(interview);
  };
  const ids: string[] = [];
  let newest = '';
  for (let batch = next(); batch; batch = next()) {
    const checked = batch(visit);
    if (!checked) return null;
    for (const id of checked.ids) ids.push(id);
    if (checked.newest > newest) newest = checked.newest;
  }
  return { ids, newest, ...maker.finish() };
}

/** One part: its records checked, the living interviews turned into CSV lines. Null at the first doubt. */
export function readCsvPart(request: CsvPartRequest): CheckedCsvPart | null {
  let chunk: Uint8Array | null = request.chunk;
  const part = readChunks(() => {
    const next = chunk;
    chunk = null;
    return next && ((visit) => checkInterviewChunk(next, visit, nodeByteSearch));
  }, request);
  return part;
}

/**
 * The leading part, read from the interview entry as the command's thread expands it into shared
 * memory (shared-entry.ts): the worker reads its whole lines from the front, a few at a time, as
 * they come, while the command's thread reads from the back once it has them all (see
 * line-claims.ts).
 */
export interface LeadingPartRequest extends Omit<CsvPartRequest, 'chunk'> {
  readonly entry: SharedEntry;
  /** The worker reads only lines that end before this byte of the entry (on more cores, other workers read the last ones). */
  readonly reach: number;
  /** The shared claims (LineClaims.share()). */
  readonly claims: SharedArrayBuffer;
}

/** The leading part; null when the entry does not give it (the caller then reads the ordinary way). `pause`: see SharedEntryReader. */
export function readLeadingPart(request: LeadingPartRequest, pause?: Pause): CheckedCsvPart | null {
  const { entry, reach, claims: shared, ...rest } = request;
  const found = new SharedLines(new SharedEntryReader(entry, pause), reach);
  const claims = new LineClaims(shared);
  const part = readChunks(() => {
    for (;;) {
      const claim = claims.fromFront(found.lines.length);
      if (claim) return linesBatch(found.lines, claim[0], claim[1]);
      if (claims.exhausted || !found.grow()) return null;
    }
  }, rest);
  return found.doubtful ? null : part;
}

/** Other threads' parts, with a leading part (see readLeadingPart). */
export interface LeadingReader {
  /** Starts the leading part on a worker. */
  start(request: LeadingPartRequest): Promise<CheckedCsvPart | null>;
  /** Sends these parts to the other workers. */
  send(requests: readonly CsvPartRequest[]): Promise<(CheckedCsvPart | null)[]>;
}

/** Reads parts: the first in this thread, the others on other threads where there are. */
export interface CsvPartReader {
  /** How many parts it reads at once. */
  readonly parts: number;
  /** Where there are other threads: a leading part, then the others. */
  readonly leading?: LeadingReader;
  read(requests: readonly CsvPartRequest[]): Promise<(CheckedCsvPart | null)[]>;
  /** Frees what was started and is not needed. */
  close(): void;
}

/** Starts a reader; called as the command starts, so that a worker thread boots meanwhile. */
export type StartCsvParts = () => CsvPartReader;

/** Every part in this thread (tests calling the CLI as a function). */
export const csvPartsHere: StartCsvParts = () => ({
  parts: 1,
  read: (requests) => Promise.resolve(requests.map(readCsvPart)),
  close: () => undefined,
});

/** True in a worker started by csvPartsInWorkers; it then reads the part it is sent, answers and ends. */
export function serveCsvPartRequest(): boolean {
  const port = parentPort;
  if (!port || (workerData as { task?: unknown } | null)?.task !== csvPartTask) return false;
  port.once('message', (request: CsvPartRequest | LeadingPartRequest) => {
    const part = 'entry' in request ? readLeadingPart(request) : readCsvPart(request);
    // The tables' bytes are handed over, not copied.
    const buffers = part ? part.forms.flatMap((form) => (form.tables ?? []).map((table) => table.bytes.buffer as ArrayBuffer)) : [];
    port.postMessage(part, buffers);
  });
  // Compiled while the command's thread opens the bundle, not once the entry comes.
  builtInForms();
  return true;
}

/**
 * This thread and one worker thread per other core (up to 8 parts in all), each running `script`
 * (the CLI's built file); on a single core, this thread alone. Workers already `started` (see
 * part-workers.ts) are used rather than new ones.
 */
export function csvPartsInWorkers(script: URL, cores: () => number = availableParallelism, started: readonly PartWorker[] = []): StartCsvParts {
  return () => {
    const parts = started.length > 0 ? started.length + 1 : partCount(cores());
    if (parts < 2) return csvPartsHere();
    const workers = started.length > 0 ? started : Array.from({ length: parts - 1 }, () => startPartWorker(script));
    /** Workers not yet given a part. */
    let free = 0;
    const send = (requests: readonly CsvPartRequest[]): Promise<(CheckedCsvPart | null)[]> => {
      const given = workers.slice(free, free + requests.length);
      if (given.length < requests.length) throw new Error(`${String(parts)} parts at most`);
      free += given.length;
      requests.forEach((request, i) => {
        const chunk = new Uint8Array(request.chunk); // its own buffer, to hand over
        given[i]?.worker.postMessage({ ...request, chunk }, [chunk.buffer]);
      });
      return Promise.all(given.map((worker) => worker.answer as Promise<CheckedCsvPart | null>));
    };
    return {
      parts,
      leading: {
        start(request) {
          const leader = workers[free++];
          if (!leader) throw new Error('no worker left to lead');
          leader.worker.postMessage(request);
          return leader.answer as Promise<CheckedCsvPart | null>;
        },
        send,
      },
      async read(requests) {
        const [first, ...others] = requests;
        const there = send(others);
        const here = first ? readCsvPart(first) : null;
        return first ? [here, ...(await there)] : there;
      },
      close: () => {
        for (const { worker } of workers) void worker.terminate();
      },
    };
  };
}

/** A bundle read in parts for a CSV export: what the ordinary reading (readBundleInput) gives, as parts. */
export interface CsvSource extends Pick<BundleInput, 'forms' | 'brokenForms'> {
  readonly parts: readonly CsvPart[];
  /** Interviews to export (deleted ones left out). */
  readonly interviewCount: number;
}

/**
 * Where the lines are cut for `parts` parts: the first part (this thread's) a little larger, as
 * the workers' parts run slower (their code starts cold and their part crosses threads), unless
 * `firstWeight` says otherwise; no part empty.
 */
export function cutLines(count: number, parts: number, firstWeight = 1.08): (readonly [number, number])[] {
  const total = firstWeight + Math.max(0, parts - 1);
  const ranges: [number, number][] = [];
  let from = 0;
  for (let i = 0; i < parts && from < count; i++) {
    const to = i === parts - 1 ? count : Math.min(count, Math.round((count * (firstWeight + i)) / total));
    if (to > from) ranges.push([from, to]);
    from = Math.max(from, to);
  }
  return ranges;
}

/**
 * The bundle read in parts; null when it must be read the ordinary way (see the file's comment).
 * Errors are those of readBundleInterviews: the bundle's checks run in the same order.
 */
export async function readCsvInParts(bytes: Uint8Array, now: Date, reader: CsvPartReader, options: CsvPartOptions): Promise<Result<CsvSource, BundleError> | null> {
  if (reader.leading && reader.parts >= 2) return readLeading(bytes, now, reader.parts, reader.leading, options);
  const opened = openBundleForParts(bytes, { sha256: nodeSha256, inflate: nodeInflate });
  if (!opened.ok) return opened;
  const { entry, tombstones } = opened.value;
  const lines = linesOf(entry, nodeByteSearch);
  if (!lines) return null;
  const forms = [...opened.value.forms.values()];
  const deleted = [...tombstones.keys()];
  const requests = cutLines(lines.length, reader.parts).map(([from, to]) => ({ chunk: chunkOf(entry, lines, from, to), forms, deleted, options }));
  return gather(await reader.read(requests), tombstones, forms, now);
}

/**
 * With a leading part: the bundle's other entries checked, this thread expands the interview
 * entry into memory it shares with the leading worker, which starts on the first lines as soon as
 * they are there. Once the whole entry is expanded and checked, this thread sends the last lines
 * to the other workers (on machines with more than two cores), and reads the rest from the back
 * while the leading worker goes on from the front. Anything wrong gives null: the ordinary
 * reading then reports it.
 */
async function readLeading(bytes: Uint8Array, now: Date, parts: number, reader: LeadingReader, options: CsvPartOptions): Promise<Result<CsvSource, BundleError> | null> {
  const opened = openBundleButInterviews(bytes, { sha256: nodeSha256, inflate: nodeInflate });
  const shared = opened && shareEntry(opened.stored, opened.remaining);
  if (!opened || !shared) return null;
  const { tombstones, stored } = opened;
  const forms = [...opened.forms.values()];
  const deleted = [...tombstones.keys()];
  const claimsShared = LineClaims.share();
  // On more than two cores, the leading worker and this thread share the first lines, the other workers the last ones.
  const reach = parts > 2 ? Math.floor((stored.declaredSize * 2) / parts) : stored.declaredSize;
  const leading = reader.start({ entry: shared, reach, claims: claimsShared, forms, deleted, options });
  const entry = await fillSharedEntry(shared, stored, opened.sha256);
  const lines = entry && linesOf(entry, nodeByteSearch);
  if (!entry || !lines) return null;
  const between = parts > 2 ? linesEndingBefore(entry, lines, reach) : lines.length;
  const claims = new LineClaims(claimsShared);
  claims.limit(between);
  const tail = cutLines(lines.length - between, parts - 2, 1).map(([from, to]) => [from + between, to + between] as const);
  const others = reader.send(tail.map(([from, to]) => ({ chunk: chunkOf(entry, lines, from, to), forms, deleted, options })));
  const here = readChunks(() => {
    const claim = claims.fromBack(between);
    return claim ? linesBatch(lines, claim[0], claim[1]) : null;
  }, { forms, deleted, options });
  const [first, rest] = await Promise.all([leading, others]);
  // Every line read once: the leading worker's up to where the claims met, this thread's after.
  const met = claims.meeting;
  if (!first || !here || met > between || first.ids.length !== met || here.ids.length !== between - met) return null;
  return gather([first, here, ...rest], tombstones, forms, now);
}

function gather(parts: readonly (CheckedCsvPart | null)[], tombstones: ReadonlyMap<string, TombstoneRecord>, forms: readonly FormRecord[], now: Date): Result<CsvSource, BundleError> | null {
  const seen = new Set<string>();
  let newest = '';
  let interviewCount = 0;
  const read: CheckedCsvPart[] = [];
  for (const part of parts) {
    if (!part) return null;
    for (const id of part.ids) {
      if (seen.has(id)) return null;
      seen.add(id);
    }
    if (part.newest > newest) newest = part.newest;
    for (const form of part.forms) interviewCount += form.ids.length;
    read.push(part);
  }
  const future = checkClock(newest, tombstones, now);
  if (future) return err(future);
  return ok({ parts: read, interviewCount, ...exportForms(forms) });
}
