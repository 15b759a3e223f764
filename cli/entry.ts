/**
 * The process entry of the `maillage` bundle: binds `run` to the real process. The same file
 * also starts the worker threads that read bundles for `merge` (cli/bundles/index-readers.ts)
 * and the parts of a CSV export (cli/exports/csv-in-parts.ts).
 */
import { indexInWorkers, serveIndexRequest } from './bundles/index-readers';
import { csvPartsInWorkers, serveCsvPartRequest } from './exports/csv-in-parts';
import { run } from './main';

if (!serveIndexRequest() && !serveCsvPartRequest()) {
  // `maillage --help | head -1` closes the pipe early; that is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });

  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
    indexBundles: indexInWorkers(new URL(import.meta.url)),
    csvParts: csvPartsInWorkers(new URL(import.meta.url)),
  });
}
