/**
 * The worker threads of a CSV export in parts, in a module that loads nothing else: the process
 * entry starts them before the rest of the command loads (a worker takes about a tenth of a
 * second to boot), when the command line asks for a CSV export (csv-in-parts.ts gives them work).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

export const csvPartTask = 'maillage:csv-part';

/** At most this many parts: beyond, putting them together costs more than it saves. */
export const maxParts = 8;

/** How many parts an export reads at once: one per core, up to maxParts. */
export const partCount = (cores: number): number => Math.max(1, Math.min(cores, maxParts));

/** A started worker and its one answer (null when it fails or stops without answering). */
export interface PartWorker {
  readonly worker: Worker;
  readonly answer: Promise<unknown>;
}

export function startPartWorker(script: URL): PartWorker {
  const worker = new Worker(script, { workerData: { task: csvPartTask } });
  const answer = new Promise<unknown>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', () => {
      resolve(null);
    });
    worker.once('exit', () => {
      resolve(null);
    });
  });
  return { worker, answer };
}

/** True when the command line is (most likely) `maillage export … --format csv`, csv being the default. */
export function asksForCsvExport(argv: readonly string[]): boolean {
  const words = argv.filter((arg, i) => !arg.startsWith('-') && !(argv[i - 1]?.startsWith('--') === true && !argv[i - 1]?.includes('=')));
  if (words[0] !== 'export' || argv.includes('--help') || argv.includes('-h')) return false;
  let format = 'csv';
  argv.forEach((arg, i) => {
    if (arg === '--format') format = argv[i + 1] ?? '';
    else if (arg.startsWith('--format=')) format = arg.slice('--format='.length);
  });
  return format === 'csv';
}

/** The workers of a CSV export, started now when the command line asks for one; none otherwise. */
export function prestartPartWorkers(script: URL, argv: readonly string[], cores = availableParallelism()): PartWorker[] {
  return asksForCsvExport(argv) ? Array.from({ length: partCount(cores) - 1 }, () => startPartWorker(script)) : [];
}
