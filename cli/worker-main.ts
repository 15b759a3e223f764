/** What a worker thread of the CLI does (see entry.ts): read a bundle for `merge`, or a part of a CSV export. */
import { serveIndexRequest } from './bundles/index-readers';
import { serveCsvPartRequest } from './exports/csv-in-parts';

export function serveWorker(): void {
  if (!serveIndexRequest()) serveCsvPartRequest();
}
