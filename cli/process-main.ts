/**
 * The CLI bound to the real process (see entry.ts): arguments, environment, standard streams,
 * and the worker threads that read bundles for `merge` and the parts of a CSV export.
 */
import { availableParallelism } from 'node:os';
import { indexInWorkers } from './bundles/index-readers';
import { csvPartsInWorkers } from './exports/csv-in-parts';
import type { PartWorker } from './exports/part-workers';
import { run } from './main';

/** `script` is the CLI's built file, which worker threads run; `started`, workers the entry started early. */
export async function runProcess(script: URL, started: readonly PartWorker[]): Promise<void> {
  // `maillage --help | head -1` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = await run(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      env: process.env,
      indexBundles: indexInWorkers(script),
      csvParts: csvPartsInWorkers(script, availableParallelism, started),
    });
  } finally {
    // Workers started for an export that did not use them (a usage error, an empty bundle).
    for (const { worker } of started) void worker.terminate();
  }
}
