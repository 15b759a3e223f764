/**
 * Reading bundles for `maillage merge`, checked and kept as lines. Where the CLI runs as its
 * built file, each bundle is read in a worker thread, so that two bundles are read at once on
 * two cores; elsewhere (tests calling the CLI as a function) in this thread. Both run the same
 * reader, readBundleIndex.
 */
import { availableParallelism } from 'node:os';
import { Worker, parentPort, workerData } from 'node:worker_threads';
import type { BundleError } from '../../core/exchange/bundle/errors';
import { readBundleIndex, type IndexedBundle } from '../../core/exchange/bundle/read-bundle';
import type { Result } from '../../core/shared/result';
import { nodeInflate } from './node-codec';
import { nodeSha256 } from './node-sha256';

export type IndexReader = (bytes: Uint8Array, now: Date) => Promise<Result<IndexedBundle, BundleError>>;

export const indexHere: IndexReader = (bytes, now) => Promise.resolve(readBundleIndex(bytes, now, { sha256: nodeSha256, inflate: nodeInflate }));

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
  const result = readBundleIndex(workerData.bytes, workerData.now, { sha256: nodeSha256, inflate: nodeInflate });
  // The records' lines are views on a few buffers: hand those over rather than copy them.
  const buffers = new Set<ArrayBuffer>();
  if (result.ok) for (const record of result.value.interviews.values()) buffers.add(record.line.buffer as ArrayBuffer);
  parentPort.postMessage(result, [...buffers]);
  return true;
}

/** Reads in workers running `script` (the CLI's built file), at most one per core at a time. */
export function indexInWorkers(script: URL): IndexReader {
  const limit = Math.max(1, availableParallelism());
  let running = 0;
  const waiting: (() => void)[] = [];
  const slot = async () => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
  };
  const release = () => {
    running--;
    waiting.shift()?.();
  };
  return async (bytes, now) => {
    await slot();
    try {
      return await new Promise<Result<IndexedBundle, BundleError>>((resolve, reject) => {
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
    } finally {
      release();
    }
  };
}
