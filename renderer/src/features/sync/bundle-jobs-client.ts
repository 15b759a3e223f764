/**
 * The page's side of the bundle worker: each job is posted to the worker and answered by id. If
 * the browser has no workers, or the worker cannot start or fails a job, the job runs here on
 * the main thread instead — slower for the researcher, never lost.
 */
import type { Dataset } from '../../../../core/exchange/bundle/dataset';
import type { Language } from '../../../../core/shared/language';
import { ok, type Result } from '../../../../core/shared/result';
import type { ExchangeStore, StorageError } from '../../data';
import { failedAnswer, runJob, type BundleJob, type FileApplied, type FilePreview, type IncomingFile, type JobAnswer, type MadeBundle, type MergeOutcome } from './bundle-jobs';
import type { JobReply, JobRequest } from './bundle-worker';
import type { AnalysisOutcome, AnalysisRequest } from '../exchange/analysis-job';

export interface BundleJobs {
  /** Bundle bytes of a dataset the page already holds (the export panel's selection). */
  fromDataset(dataset: Dataset, deviceId: string, researcher: string): Promise<Result<MadeBundle, StorageError>>;
  /** Bundle bytes of the whole database, read and zipped off the main thread. */
  exportAll(researcher: string): Promise<Result<MadeBundle, StorageError>>;
  /** Opens the files, sets aside the bad ones, and merges the rest into the database at once. */
  merge(files: readonly IncomingFile[], language: Language): Promise<Result<MergeOutcome, StorageError>>;
  /** Reads and checks a file chosen for import and says what it would change, off the main thread. */
  previewFile(file: IncomingFile, language: Language): Promise<Result<FilePreview & { readonly token: number }, StorageError>>;
  /** Imports a previewed file in one transaction (`token` from its preview). */
  applyFile(file: IncomingFile, language: Language, token: number): Promise<Result<FileApplied, StorageError>>;
  /** Lets go of the previewed file (the researcher cancelled). */
  forgetFile(): void;
  /** Replaces the whole database by the file's data (restoring a backup), in one transaction. */
  replaceWithFile(file: IncomingFile, language: Language): Promise<Result<FileApplied, StorageError>>;
  /** An analysis export of the database (or of a selection), made off the main thread. */
  analysis(request: AnalysisRequest): Promise<Result<AnalysisOutcome, StorageError>>;
  dispose(): void;
}

/** The part of a Worker used here, so that tests can hand in a fake. */
export interface WorkerLike {
  postMessage(message: JobRequest): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<JobReply>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** Names previews; shared by every set of jobs of the page, as the page's fallback keeps one preview for all. */
let nextToken = 1;

function startWorker(): WorkerLike | null {
  if (typeof Worker === 'undefined') return null;
  try {
    // This exact expression is what Vite recognises to bundle the worker as its own file.
    return new Worker(new URL('./bundle-worker.ts', import.meta.url), { type: 'module', name: 'maillage-bundles' });
  } catch {
    return null;
  }
}

export interface BundleJobsOptions {
  readonly database: string;
  /** The page's own storage, for jobs run on the main thread. */
  readonly exchange: ExchangeStore;
  readonly createWorker?: () => WorkerLike | null;
}

export function createBundleJobs({ database, exchange, createWorker = startWorker }: BundleJobsOptions): BundleJobs {
  let worker: WorkerLike | null | undefined; // undefined: not started yet (started on first use)
  let nextId = 1;
  const pending = new Map<number, { job: BundleJob; resolve: (answer: JobAnswer) => void }>();
  const onMainThread = (job: BundleJob): Promise<JobAnswer> => runJob(job, () => exchange).catch((error: unknown) => failedAnswer(job, error));

  const giveUpOnWorker = () => {
    worker?.terminate();
    worker = null;
    for (const [id, { job, resolve }] of pending) {
      pending.delete(id);
      void onMainThread(job).then(resolve);
    }
  };

  const theWorker = (): WorkerLike | null => {
    if (worker !== undefined) return worker;
    worker = createWorker();
    worker?.addEventListener('message', (event: MessageEvent<JobReply>) => {
      const reply = event.data;
      const waiting = pending.get(reply.id);
      if (!waiting) return;
      pending.delete(reply.id);
      if ('answer' in reply) waiting.resolve(reply.answer);
      else void onMainThread(waiting.job).then(waiting.resolve);
    });
    worker?.addEventListener('error', (event: Event) => {
      event.preventDefault();
      giveUpOnWorker();
    });
    return worker;
  };

  const run = (job: BundleJob): Promise<JobAnswer> => {
    const target = theWorker();
    if (!target) return onMainThread(job);
    return new Promise((resolve) => {
      const id = nextId++;
      pending.set(id, { job, resolve });
      target.postMessage({ id, job });
    });
  };

  const bundle = async (job: BundleJob): Promise<Result<MadeBundle, StorageError>> => {
    const answer = await run(job);
    if (answer.kind !== 'bundle') throw new Error('bundle worker: a bundle job answered with a merge');
    return answer.result;
  };

  return {
    fromDataset: (dataset, deviceId, researcher) => bundle({ kind: 'dataset', dataset, deviceId, researcher }),
    exportAll: (researcher) => bundle({ kind: 'export', database, researcher }),
    merge: async (files, language) => {
      const answer = await run({ kind: 'merge', database, files, language });
      if (answer.kind !== 'merge') throw new Error('bundle worker: a merge job answered with a bundle');
      return answer.result;
    },
    previewFile: async (file, language) => {
      const token = nextToken++;
      const answer = await run({ kind: 'preview-file', database, file, language, token });
      if (answer.kind !== 'file-preview') throw new Error('bundle worker: a preview job answered with something else');
      return answer.result.ok ? ok({ ...answer.result.value, token }) : answer.result;
    },
    forgetFile: () => {
      void run({ kind: 'forget-file' });
    },
    applyFile: async (file, language, token) => {
      const answer = await run({ kind: 'apply-file', database, file, language, token });
      if (answer.kind !== 'file-applied') throw new Error('bundle worker: an import job answered with something else');
      return answer.result;
    },
    replaceWithFile: async (file, language) => {
      const answer = await run({ kind: 'replace-file', database, file, language });
      if (answer.kind !== 'file-applied') throw new Error('bundle worker: a replace job answered with something else');
      return answer.result;
    },
    analysis: async (request) => {
      const answer = await run({ kind: 'analysis', database, request });
      if (answer.kind !== 'analysis') throw new Error('bundle worker: an analysis job answered with something else');
      return answer.result;
    },
    dispose: () => {
      worker?.terminate();
      worker = null;
    },
  };
}
