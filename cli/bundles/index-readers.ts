/**
 * Reading bundles for `maillage merge`, checked and kept as lines. Where the CLI runs as its
 * built file, bundles are read at once on every core (this thread and worker threads); elsewhere
 * (tests calling the CLI as a function) one after the other in this thread. Both run the same
 * reader, readBundleIndex.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { BundleError } from '../../core/exchange/bundle/errors';
import { readBundleIndex, type IndexedBundle } from '../../core/exchange/bundle/read-bundle';
import type { Result } from '../../core/shared/result';
import { nodeInflate } from './node-codec';
import { nodeByteSearch } from './node-byte-search';
import { nodeSha256 } from './node-sha256';

/** Reads bundles, checked and kept as lines; the results in the order of the inputs. */
export type IndexAll = (inputs: readonly Uint8Array[], now: Date) => Promise<Result<IndexedBundle, BundleError>[]>;

/** One after the other, in this thread. */
export const indexHere: IndexAll = (inputs, now) => Promise.resolve(inputs.map((bytes) => readBundleIndex(bytes, now, { sha256: nodeSha256, inflate: nodeInflate, search: nodeByteSearch })));

const task = 'maillage:index-bundle';

interface Request {
  readonly task: typeof task;
  readonly bytes: Uint8Array;
  readonly now: Date;
}

const isRequest = (data: unknown): data is Request => typeof data === 'object' && data !== null && (data as { task?: unknown }).task === task;

/** True in a worker started by indexInWorkers; it then reads its bundle, answers and ends. */
export function serveIndexRequest(): boolean {
  if (!parentPort || !isRequest(workerData)) return false;
  const result = readBundleIndex(workerData.bytes, workerData.now, { sha256: nodeSha256, inflate: nodeInflate, search: nodeByteSearch });
  // The records' lines are views on a few buffers: hand those over rather than copy them.
  const buffers = new Set<ArrayBuffer>();
  if (result.ok) for (const record of result.value.interviews.values()) buffers.add(record.line.buffer as ArrayBuffer);
  parentPort.postMessage(result, [...buffers]);
  return true;
}

function inWorker(script: URL, bytes: Uint8Array, now: Date): Promise<Result<IndexedBundle, BundleError>> {
  return new Promise((resolve, reject) => {
    const request: Request = { task, bytes: new Uint8Array(bytes), now }; // its own buffer, to hand over
    const worker = new Worker(script, { workerData: request, transferList: [request.bytes.buffer as ArrayBuffer] });
    worker.once('message', (result: Result<IndexedBundle, BundleError>) => {
      resolve(result);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`bundle reader stopped (${String(code)})`));
    });
  });
}

/**
 * Reads in this thread and in workers running `script` (the CLI's built file), one bundle per
 * core at a time: the workers are started first, then this thread reads the first bundle while
 * they read theirs.
 */
export function indexInWorkers(script: URL): IndexAll {
  return async (inputs, now) => {
    const workers = Math.max(1, availableParallelism() - 1);
    const results: Promise<Result<IndexedBundle, BundleError>>[] = new Array<Promise<Result<IndexedBundle, BundleError>>>(inputs.length);
    let next = 1;
    const startNext = (): Promise<void> => {
      const i = next++;
      const bytes = inputs[i];
      if (bytes === undefined) return Promise.resolve();
      const read = inWorker(script, bytes, now);
      results[i] = read;
      return read.then(startNext, startNext);
    };
    const chains = Array.from({ length: Math.max(0, Math.min(workers, inputs.length - 1)) }, startNext);
    const [first] = inputs;
    if (first !== undefined) results[0] = Promise.resolve(readBundleIndex(first, now, { sha256: nodeSha256, inflate: nodeInflate, search: nodeByteSearch }));
    await Promise.all(chains);
    return Promise.all(results);
  };
}
