/**
 * The heavy bundle work, as jobs that run in the bundle worker (./bundle-worker.ts) — or on the
 * main thread where workers are missing. A job that starts from the database opens its own
 * connection in the worker, so that neither reading ten thousand interviews nor zipping them
 * ever holds up the researcher's typing; only the finished bytes come back, transferred.
 */
import { mergeDatasets, emptyDataset, type Dataset, type MergePreview } from '../../../../core/exchange/bundle/dataset';
import { loadFormText } from '../../../../core/forms/load';
import type { Language } from '../../../../core/shared/language';
import { err, ok, type Result } from '../../../../core/shared/result';
import { toStorageError, type ExchangeStore, type StorageError } from '../../data';
import { bundleBytes, openBundle } from '../exchange/bundle-files';
import { runAnalysis, type AnalysisOutcome, type AnalysisRequest } from '../exchange/analysis-job';

export interface BundleCounts {
  readonly interviews: number;
  readonly tombstones: number;
  readonly forms: number;
}

export interface MadeBundle {
  readonly bytes: Uint8Array;
  readonly deviceId: string;
  readonly counts: BundleCounts;
}

/** A bundle file read from the shared folder. */
export interface IncomingFile {
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface OpenedFile {
  readonly fileName: string;
  readonly device: { readonly id: string; readonly name: string };
  readonly researcher: string;
  readonly exportedAt: string;
}

export interface MergeOutcome {
  readonly opened: readonly OpenedFile[];
  /** Files that are not bundles, are damaged, or come from the future: set aside, never merged. */
  readonly refused: readonly { readonly fileName: string; readonly reason: string }[];
  readonly preview: MergePreview;
  /** False when the files held nothing new: the database was not touched. */
  readonly applied: boolean;
  readonly written: number;
}

/** A file chosen for import, seen before confirming: why it is refused, or what it would change. */
export type FilePreview =
  | { readonly refused: string }
  | { readonly manifest: Omit<OpenedFile, 'fileName'>; readonly preview: MergePreview };

/** A file imported once confirmed, or why it could not be. */
export type FileApplied = { readonly refused: string } | { readonly written: number };

export type BundleJob =
  | { readonly kind: 'dataset'; readonly dataset: Dataset; readonly deviceId: string; readonly researcher: string }
  | { readonly kind: 'export'; readonly database: string; readonly researcher: string }
  | { readonly kind: 'merge'; readonly database: string; readonly files: readonly IncomingFile[]; readonly language: Language }
  /** `token` names the preview, so that applying it does not read the file again (see previewed). */
  | { readonly kind: 'preview-file'; readonly database: string; readonly file: IncomingFile; readonly language: Language; readonly token: number }
  | { readonly kind: 'apply-file'; readonly database: string; readonly file: IncomingFile; readonly language: Language; readonly token: number }
  /** The researcher cancelled: the kept file is let go. */
  | { readonly kind: 'forget-file' }
  /** Restoring a backup as a full replacement of the database (after the researcher confirmed). */
  | { readonly kind: 'replace-file'; readonly database: string; readonly file: IncomingFile; readonly language: Language }
  /** An analysis export (CSV, workbook or dictionary) of the database. */
  | { readonly kind: 'analysis'; readonly database: string; readonly request: AnalysisRequest };

export type JobAnswer =
  | { readonly kind: 'bundle'; readonly result: Result<MadeBundle, StorageError> }
  | { readonly kind: 'merge'; readonly result: Result<MergeOutcome, StorageError> }
  | { readonly kind: 'file-preview'; readonly result: Result<FilePreview, StorageError> }
  | { readonly kind: 'file-applied'; readonly result: Result<FileApplied, StorageError> }
  | { readonly kind: 'forgotten' }
  | { readonly kind: 'analysis'; readonly result: Result<AnalysisOutcome, StorageError> };

/** The answer a job gives when it fails unexpectedly: a storage error of its kind, never a promise left hanging. */
export function failedAnswer(job: BundleJob, error: unknown): JobAnswer {
  const failed = err(toStorageError(error));
  switch (job.kind) {
    case 'dataset':
    case 'export':
      return { kind: 'bundle', result: failed };
    case 'merge':
      return { kind: 'merge', result: failed };
    case 'preview-file':
      return { kind: 'file-preview', result: failed };
    case 'apply-file':
    case 'replace-file':
      return { kind: 'file-applied', result: failed };
    case 'forget-file':
      return { kind: 'forgotten' };
    case 'analysis':
      return { kind: 'analysis', result: failed };
  }
}

export type ExchangeFor = (database: string) => Pick<ExchangeStore, 'exportDataset' | 'previewImport' | 'applyImport' | 'learnDevices' | 'deviceId' | 'replaceAll'>;

const countsOf = (dataset: Dataset): BundleCounts => ({ interviews: dataset.interviews.size, tombstones: dataset.tombstones.size, forms: dataset.forms.size });

const changesIn = (preview: MergePreview) =>
  preview.interviews.new + preview.interviews.updated + preview.interviews.deleted + preview.interviews.conflicts + preview.forms.new;

async function merge(exchange: ReturnType<ExchangeFor>, files: readonly IncomingFile[], language: Language): Promise<Result<MergeOutcome, StorageError>> {
  const opened: OpenedFile[] = [];
  const refused: { fileName: string; reason: string }[] = [];
  let incoming = emptyDataset;
  for (const file of files) {
    const read = await openBundle(file.bytes, language);
    if (!read.ok) {
      refused.push({ fileName: file.fileName, reason: read.error });
      continue;
    }
    const { device, researcher, exportedAt } = read.value.manifest;
    opened.push({ fileName: file.fileName, device: { id: device.id, name: device.name }, researcher, exportedAt });
    // All the files at once: a deletion in one and the interview in another meet here.
    incoming = mergeDatasets(incoming, read.value.dataset);
  }
  const preview = await exchange.previewImport(incoming);
  if (!preview.ok) return preview;
  // Nothing new: leave the interviews alone, or every import would wake every other computer; only learn who wrote them.
  if (changesIn(preview.value) === 0) {
    const learnt = await exchange.learnDevices(incoming);
    if (!learnt.ok) return learnt;
    return ok({ opened, refused, preview: preview.value, applied: false, written: 0 });
  }
  const applied = await exchange.applyImport(incoming, (form) => loadFormText(form.source).ok);
  if (!applied.ok) return applied;
  return ok({ opened, refused, preview: preview.value, applied: true, written: applied.value.written });
}

/**
 * The file last previewed, kept (where the jobs run) until it is applied: reading a large file
 * again would cost as much as the preview did. Only the last one: a new preview replaces it.
 */
let previewed: { readonly token: number; readonly database: string; readonly fileName: string; readonly size: number; readonly dataset: Dataset } | null = null;

/** The kept preview, when it is this file's for this database. */
const keptFor = (token: number, database: string, file: IncomingFile) =>
  previewed?.token === token && previewed.database === database && previewed.fileName === file.fileName && previewed.size === file.bytes.length
    ? previewed.dataset
    : null;

async function previewFile(exchange: ReturnType<ExchangeFor>, database: string, file: IncomingFile, language: Language, token: number): Promise<Result<FilePreview, StorageError>> {
  previewed = null;
  const read = await openBundle(file.bytes, language);
  if (!read.ok) return ok({ refused: read.error });
  const preview = await exchange.previewImport(read.value.dataset);
  if (!preview.ok) return preview;
  previewed = { token, database, fileName: file.fileName, size: file.bytes.length, dataset: read.value.dataset };
  const { device, researcher, exportedAt } = read.value.manifest;
  return ok({ manifest: { device: { id: device.id, name: device.name }, researcher, exportedAt }, preview: preview.value });
}

/** Applies the previewed file; read again if it was not previewed here (the worker restarted, or the job fell back to the page). */
async function applyFile(exchange: ReturnType<ExchangeFor>, database: string, file: IncomingFile, language: Language, token: number): Promise<Result<FileApplied, StorageError>> {
  let dataset = keptFor(token, database, file);
  previewed = null;
  if (!dataset) {
    const read = await openBundle(file.bytes, language);
    if (!read.ok) return ok({ refused: read.error });
    dataset = read.value.dataset;
  }
  const applied = await exchange.applyImport(dataset, (form) => loadFormText(form.source).ok);
  return applied.ok ? ok({ written: applied.value.written }) : applied;
}

export async function runJob(job: BundleJob, exchangeFor: ExchangeFor): Promise<JobAnswer> {
  switch (job.kind) {
    case 'dataset':
      return { kind: 'bundle', result: ok({ bytes: bundleBytes(job.dataset, job.deviceId, job.researcher), deviceId: job.deviceId, counts: countsOf(job.dataset) }) };
    case 'export': {
      const exchange = exchangeFor(job.database);
      const dataset = await exchange.exportDataset();
      if (!dataset.ok) return { kind: 'bundle', result: err(dataset.error) };
      const deviceId = await exchange.deviceId();
      return { kind: 'bundle', result: ok({ bytes: bundleBytes(dataset.value, deviceId, job.researcher), deviceId, counts: countsOf(dataset.value) }) };
    }
    case 'merge':
      return { kind: 'merge', result: await merge(exchangeFor(job.database), job.files, job.language) };
    case 'preview-file':
      return { kind: 'file-preview', result: await previewFile(exchangeFor(job.database), job.database, job.file, job.language, job.token) };
    case 'apply-file':
      return { kind: 'file-applied', result: await applyFile(exchangeFor(job.database), job.database, job.file, job.language, job.token) };
    case 'forget-file':
      previewed = null;
      return { kind: 'forgotten' };
    case 'replace-file': {
      const read = await openBundle(job.file.bytes, job.language);
      if (!read.ok) return { kind: 'file-applied', result: ok({ refused: read.error }) };
      const replaced = await exchangeFor(job.database).replaceAll(read.value.dataset, (form) => loadFormText(form.source).ok);
      return { kind: 'file-applied', result: replaced.ok ? ok({ written: replaced.value.written }) : replaced };
    }
    case 'analysis':
      return { kind: 'analysis', result: await runAnalysis(exchangeFor(job.database), job.request) };
  }
}
