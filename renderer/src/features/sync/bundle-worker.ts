/**
 * The bundle worker: runs ./bundle-jobs.ts off the main thread. Jobs that start from the
 * database open their own connection here (the same schema, the same transactions as the page's);
 * finished bytes go back transferred, not copied. Nothing is thrown back: a job that fails
 * unexpectedly answers `failure`, and the page falls back to doing the job itself.
 */
import { openStorage, type Storage } from '../../data';
import { transferableFiles } from '../exchange/analysis-job';
import { runJob, type BundleJob, type JobAnswer } from './bundle-jobs';

export interface JobRequest {
  readonly id: number;
  readonly job: BundleJob;
}
export type JobReply = { readonly id: number; readonly answer: JobAnswer } | { readonly id: number; readonly failure: string };

/** The worker's global scope, seen through the part it uses (the web tsconfig types `self` as a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(message: JobReply, transfer: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

const storages = new Map<string, Storage>();
const exchangeFor = (database: string) => {
  let storage = storages.get(database);
  if (!storage) {
    storage = openStorage(database);
    storages.set(database, storage);
  }
  return storage.exchange;
};

scope.onmessage = (event) => {
  const { id, job } = event.data;
  runJob(job, exchangeFor).then(
    (answer) => {
      const transfer = answer.kind === 'bundle' && answer.result.ok ? [answer.result.value.bytes.buffer] : answer.kind === 'analysis' && answer.result.ok ? transferableFiles(answer.result.value) : [];
      scope.postMessage({ id, answer }, transfer.filter((b): b is ArrayBuffer => b instanceof ArrayBuffer));
    },
    (error: unknown) => { scope.postMessage({ id, failure: error instanceof Error ? error.message : String(error) }, []); },
  );
};
