/**
 * `maillage export --format csv` of a large bundle, in parts: the interview entry's lines are cut
 * in two, this thread reads, checks and turns into CSV lines the first part while a worker thread
 * (started with the command, so that it is ready) does the second; the parts are then put
 * together (core/exports/csv-parts.ts). The bytes are those of the ordinary reading: whatever
 * looks wrong in a part (a bad record, a duplicate id across parts, an entry not written one
 * record per line, a worker that fails) sends the export back to the ordinary reading, which
 * gives the exact reason.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { BundleError } from '../../core/exchange/bundle/errors';
import { checkInterviewChunk, chunkOf, linesOf, type CheckedChunk } from '../../core/exchange/bundle/interview-entry';
import { walkWireWinners } from '../../core/exchange/bundle/interview-wire';
import { checkClock, openBundleForParts } from '../../core/exchange/bundle/read-bundle';
import type { FormRecord } from '../../core/exchange/bundle/schema';
import { interviewFromWinners } from '../../core/exchange/interview-sync';
import { createCsvPartMaker, type CsvPart, type CsvPartOptions } from '../../core/exports/csv-parts';
import { err, ok, type Result } from '../../core/shared/result';
import { nodeInflate } from '../bundles/node-codec';
import { nodeSha256 } from '../bundles/node-sha256';
import { exportForms, type BundleInput } from './bundle-input';

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
  const maker = createCsvPartMaker(exportForms(request.forms).forms, request.options);
  const deleted = new Set(request.deleted);
  const checked = checkInterviewChunk(request.chunk, (raw) => {
    if (deleted.has(raw.id)) return;
    const interview = interviewFromWinners(raw.id, walkWireWinners(raw), null);
    if (interview) maker.add(interview);
  });
  return checked ? { ...checked, ...maker.finish() } : null;
}

/** Reads parts: the first in this thread, the others on other threads where there are. */
export interface CsvPartReader {
  /** How many parts it reads at once. */
  readonly parts: number;
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

const task = 'maillage:csv-part';

/** True in a worker started by csvPartsInWorker; it then reads the part it is sent, answers and ends. */
export function serveCsvPartRequest(): boolean {
  const port = parentPort;
  if (!port || (workerData as { task?: unknown } | null)?.task !== task) return false;
  port.once('message', (request: CsvPartRequest) => {
    const part = readCsvPart(request);
    // The tables' bytes are handed over, not copied.
    const buffers = part ? part.forms.flatMap((form) => (form.tables ?? []).map((table) => table.bytes.buffer as ArrayBuffer)) : [];
    port.postMessage(part, buffers);
  });
  return true;
}

/** This thread and one worker thread running `script` (the CLI's built file), on a machine with two cores or more. */
export function csvPartsInWorker(script: URL): StartCsvParts {
  return () => {
    if (availableParallelism() < 2) return csvPartsHere();
    const worker = new Worker(script, { workerData: { task } });
    const answer = new Promise<CheckedCsvPart | null>((resolve) => {
      worker.once('message', (part: CheckedCsvPart | null) => {
        resolve(part);
      });
      worker.once('error', () => {
        resolve(null);
      });
      worker.once('exit', () => {
        resolve(null);
      });
    });
    return {
      parts: 2,
      async read(requests) {
        const [first, second, ...more] = requests;
        if (more.length > 0) throw new Error('two parts at most');
        if (second) {
          const chunk = new Uint8Array(second.chunk); // its own buffer, to hand over
          worker.postMessage({ ...second, chunk }, [chunk.buffer]);
        }
        const here = first ? readCsvPart(first) : null;
        return second ? [here, await answer] : [here];
      },
      close: () => {
        void worker.terminate();
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

/** The first part's share of the lines: this thread also opens the bundle and puts the parts together. */
const firstShare = 0.52;

/**
 * The bundle read in parts; null when it must be read the ordinary way (see the file's comment).
 * Errors are those of readBundleInterviews: the bundle's checks run in the same order.
 */
export async function readCsvInParts(bytes: Uint8Array, now: Date, reader: CsvPartReader, options: CsvPartOptions): Promise<Result<CsvSource, BundleError> | null> {
  const opened = openBundleForParts(bytes, { sha256: nodeSha256, inflate: nodeInflate });
  if (!opened.ok) return opened;
  const { entry, tombstones } = opened.value;
  const lines = linesOf(entry);
  if (!lines) return null;
  const forms = [...opened.value.forms.values()];
  const deleted = [...tombstones.keys()];
  const cut = reader.parts < 2 ? lines.length : Math.round(lines.length * firstShare);
  const ranges = cut <= 0 || cut >= lines.length ? [[0, lines.length]] : [[0, cut], [cut, lines.length]];
  const requests = ranges.map(([from = 0, to = 0]) => ({ chunk: chunkOf(entry, lines, from, to), forms, deleted, options }));
  const parts = await reader.read(requests);

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
