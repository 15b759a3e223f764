/**
 * The process entry of the `maillage` bundle. The same file runs in the worker threads that read
 * bundles for `merge` (cli/bundles/index-readers.ts) and the parts of a CSV export
 * (cli/exports/csv-in-parts.ts). It loads little by itself: a CSV export's workers are started
 * first, so that they boot while the rest of the command loads.
 */
import { isMainThread } from 'node:worker_threads';
import { prestartPartWorkers } from './exports/part-workers';

const script = new URL(import.meta.url);

if (isMainThread) {
  const started = prestartPartWorkers(script, process.argv.slice(2));
  const { runProcess } = await import('./process-main');
  await runProcess(script, started);
} else {
  const { serveWorker } = await import('./worker-main');
  serveWorker();
}
