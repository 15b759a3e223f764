/**
 * `maillage export --format csv` of a large bundle, in parts: the interview entry's lines are cut
 * in as many parts as the machine has cores (up to 8). Worker threads are started with the
 * command, so that they are ready. The first worker gets the entry as the archive stores it, as
 * soon as the bundle's other entries are checked: it expands only the start of the entry and reads
 * its first records while this thread expands and checks the whole entry; this thread then reads
 * a part of the rest, other workers the others. The parts are then put together
 * (core/exports/csv-parts.ts). The bytes
 * are those of the ordinary reading: whatever looks wrong in a part (a bad record, a duplicate id
 * across parts, an entry not written one record per line, a worker that fails) sends the export
 * back to the ordinary reading, which gives the exact reason.
 */
import { availableParallelism } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import type { BundleError } from '../../core/exchange/bundle/errors';
import { checkInterviewChunk, chunkOf, leadingChunk, leadingLineCount, linesOf, type CheckedChunk } from '../../core/exchange/bundle/interview-entry';
import { walkWireWinners } from '../../core/exchange/bundle/interview-wire';
import { checkClock, openBundleButInterviews, openBundleForParts } from '../../core/exchange/bundle/read-bundle';
import type { FormRecord, TombstoneRecord } from '../../core/exchange/bundle/schema';
import type { StoredEntry } from '../../core/exchange/bundle/zip';
import { interviewFromWinners } from '../../core/exchange/interview-sync';
import { createCsvPartMaker, type CsvPart, type CsvPartOptions } from '../../core/exports/csv-parts';
import { err, ok, type Result } from '../../core/shared/result';
import { inflateLeading, nodeInflate } from '../bundles/node-codec';
import { nodeSha256 } from '../bundles/node-sha256';
import { exportForms, type BundleInput } from './bundle-input';
import { nodeHmacSha256 } from './node-hmac';
import { csvPartTask, partCount, startPartWorker, type PartWorker } from './part-workers';

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

/** One part: its records checked, the living interviews turned into CSV lines. Null at the first doubt. */
export function readCsvPart(request: CsvPartRequest): CheckedCsvPart | null {
  const maker = createCsvPartMaker(exportForms(request.forms).forms, request.options, nodeHmacSha256);
  const deleted = new Set(request.deleted);
  const checked = checkInterviewChunk(request.chunk, (raw) => {
    if (deleted.has(raw.id)) return;
    const interview = interviewFromWinners(raw.id, walkWireWinners(raw), null);
    if (interview) maker.add(interview);
  });
  return checked ? { ...checked, ...maker.finish() } : null;
}

/** The first part, read from the interview entry as stored: its lines up to the one holding byte `cut` (see leadingChunk). */
export interface LeadingPartRequest extends Omit<CsvPartRequest, 'chunk'> {
  readonly stored: StoredEntry;
  readonly cut: number;
}

/** The leading part; null when the start of the entry does not give it (the caller then reads the ordinary way). */
export function readLeadingPart(request: LeadingPartRequest): CheckedCsvPart | null {
  const { stored, cut, ...rest } = request;
  const prefix = inflateLeading(stored, cut);
  const chunk = prefix && leadingChunk(prefix, cut);
  return chunk ? readCsvPart({ ...rest, chunk }) : null;
}

/** Reads parts: the first in this thread, the others on other threads where there are. */
export interface CsvPartReader {
  /** How many parts it reads at once. */
  readonly parts: number;
  /** Starts the leading part on another thread, where there is one; `read` then reads the others. */
  readonly lead?: (request: LeadingPartRequest) => Promise<CheckedCsvPart | null>;
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
    const part = 'stored' in request ? readLeadingPart(request) : readCsvPart(request);
    // The tables' bytes are handed over, not copied.
    const buffers = part ? part.forms.flatMap((form) => (form.tables ?? []).map((table) => table.bytes.buffer as ArrayBuffer)) : [];
    port.postMessage(part, buffers);
  });
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
    return {
      parts,
      lead(request) {
        const leader = workers[free++];
        if (!leader) throw new Error('no worker left to lead');
        leader.worker.postMessage(request);
        return leader.answer as Promise<CheckedCsvPart | null>;
      },
      async read(requests) {
        const [first, ...others] = requests;
        const given = workers.slice(free, free + others.length);
        if (given.length < others.length) throw new Error(`${String(parts)} parts at most`);
        free += given.length;
        others.forEach((request, i) => {
          const chunk = new Uint8Array(request.chunk); // its own buffer, to hand over
          given[i]?.worker.postMessage({ ...request, chunk }, [chunk.buffer]);
        });
        const here = first ? readCsvPart(first) : null;
        const there = await Promise.all(given.map((worker) => worker.answer as Promise<CheckedCsvPart | null>));
        return first ? [here, ...there] : there;
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
 * the workers' parts run slower (their code starts cold and their part crosses threads); no part
 * empty.
 */
export function cutLines(count: number, parts: number): (readonly [number, number])[] {
  const firstWeight = 1.08;
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

/** The leading part's share of the entry's bytes: more than an even share, as it starts first. */
const leadingShare = (parts: number) => Math.min(0.9, 1.12 / parts);

/**
 * The bundle read in parts; null when it must be read the ordinary way (see the file's comment).
 * Errors are those of readBundleInterviews: the bundle's checks run in the same order.
 */
export async function readCsvInParts(bytes: Uint8Array, now: Date, reader: CsvPartReader, options: CsvPartOptions): Promise<Result<CsvSource, BundleError> | null> {
  if (reader.lead && reader.parts >= 2) return readLeading(bytes, now, { ...reader, lead: reader.lead }, options);
  const opened = openBundleForParts(bytes, { sha256: nodeSha256, inflate: nodeInflate });
  if (!opened.ok) return opened;
  const { entry, tombstones } = opened.value;
  const lines = linesOf(entry);
  if (!lines) return null;
  const forms = [...opened.value.forms.values()];
  const deleted = [...tombstones.keys()];
  const requests = cutLines(lines.length, reader.parts).map(([from, to]) => ({ chunk: chunkOf(entry, lines, from, to), forms, deleted, options }));
  return gather(await reader.read(requests), tombstones, forms, now);
}

/**
 * With a leading part: the bundle's other entries checked, the stored interview entry goes to
 * the leading worker, then this thread expands and checks the entry, and shares the rest.
 * Anything wrong gives null: the ordinary reading then reports it.
 */
async function readLeading(bytes: Uint8Array, now: Date, reader: CsvPartReader & Required<Pick<CsvPartReader, 'lead'>>, options: CsvPartOptions): Promise<Result<CsvSource, BundleError> | null> {
  const opened = openBundleButInterviews(bytes, { sha256: nodeSha256, inflate: nodeInflate });
  if (!opened) return null;
  const { tombstones, stored } = opened;
  const forms = [...opened.forms.values()];
  const deleted = [...tombstones.keys()];
  const cut = Math.floor(stored.declaredSize * leadingShare(reader.parts));
  const leading = reader.lead({ stored, cut, forms, deleted, options });
  const entry = opened.entry();
  const lines = entry && linesOf(entry);
  const count = entry && lines ? leadingLineCount(entry, lines, cut) : null;
  if (!entry || !lines || count === null) return null;
  const rest = lines.slice(count);
  const requests = cutLines(rest.length, reader.parts - 1).map(([from, to]) => ({ chunk: chunkOf(entry, rest, from, to), forms, deleted, options }));
  const [first, others] = await Promise.all([leading, reader.read(requests)]);
  // The leading part must hold exactly the lines this thread left it.
  if (!first || first.ids.length !== count) return null;
  return gather([first, ...others], tombstones, forms, now);
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
