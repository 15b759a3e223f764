/**
 * An analysis export made from the database (it runs in the bundle worker, see
 * ../sync/bundle-jobs.ts): the selected interviews as their registers' winners describe them, the
 * forms they were taken with (built-in, or installed and carried in the database), then the
 * files of core/exports — the same as `maillage export` makes from a bundle of the same data.
 */
import { interviewFromRegisters } from '../../../../core/exchange/interview-sync';
import type { FormRecord } from '../../../../core/exchange/bundle/schema';
import { analysisExport, type ExportFormat } from '../../../../core/exports/analysis-files';
import type { ExportModel, LabelMode, Privacy } from '../../../../core/exports/types';
import { loadFormText } from '../../../../core/forms/load';
import type { CompiledForm } from '../../../../core/forms/model';
import type { Interview } from '../../../../core/records/interview';
import { ok, type Result } from '../../../../core/shared/result';
import type { ExchangeStore, StorageError } from '../../data';
import { builtInForms } from '../forms/registry';
import { savedFileOf, type SavedFile } from './analysis-files';
import { isEverything, matches, type Selection } from './selection';

export interface AnalysisRequest {
  readonly selection: Selection;
  readonly format: ExportFormat;
  readonly labels: LabelMode;
  readonly bom: boolean;
  /** The pseudonym secret's text; null for an identified export. */
  readonly secret: string | null;
  /** Today (`YYYY-MM-DD`), for form logic. */
  readonly today: string;
  /** ISO time written into workbooks. */
  readonly time: string;
}

export type AnalysisOutcome =
  | {
      readonly kind: 'made';
      /** What is offered for saving: the one file, or the files zipped together. */
      readonly file: SavedFile;
      /** The files made, in order (inside the zip, when there are several). */
      readonly fileNames: readonly string[];
      /** Interviews written (rows of the main tables). */
      readonly exported: number;
      readonly missingForms: ExportModel['missingForms'];
      /** Installed forms that no longer load (not among `missingForms`). */
      readonly brokenForms: readonly string[];
    }
  /** No interview to export: none selected, or none whose form loads (then said here). */
  | { readonly kind: 'nothing'; readonly brokenForms?: readonly string[]; readonly missingForms?: ExportModel['missingForms'] }
  | { readonly kind: 'weak-secret'; readonly minBytes: number };

/** The forms these interviews need: built-in first (installing never replaces one), then installed ones. */
async function formsFor(interviews: readonly Interview[], installed: ReadonlyMap<string, FormRecord>): Promise<{ forms: Map<string, CompiledForm>; broken: string[] }> {
  const forms = new Map<string, CompiledForm>();
  const broken: string[] = [];
  const keys = new Set(interviews.map((i) => `${i.formId}@${i.formVersion}`));
  for (const key of [...keys].sort()) {
    const builtIn = builtInForms.find((f) => `${f.id}@${f.version}` === key);
    const source = builtIn ? await builtIn.load() : installed.get(key)?.source;
    if (source === undefined) continue;
    const loaded = loadFormText(source);
    if (loaded.ok && loaded.value.key === key) forms.set(key, loaded.value);
    else broken.push(key);
  }
  return { forms, broken };
}

export async function runAnalysis(exchange: Pick<ExchangeStore, 'exportDataset'>, request: AnalysisRequest): Promise<Result<AnalysisOutcome, StorageError>> {
  const dataset = await exchange.exportDataset(isEverything(request.selection) ? undefined : matches(request.selection));
  if (!dataset.ok) return dataset;
  const { interviews: records, tombstones } = dataset.value;
  const interviews: Interview[] = [];
  for (const record of records.values()) {
    if (tombstones.has(record.id)) continue;
    const interview = interviewFromRegisters(record.id, record.fields, null);
    if (interview) interviews.push(interview);
  }
  if (interviews.length === 0) return ok({ kind: 'nothing' });
  const { forms, broken } = await formsFor(interviews, dataset.value.forms);
  const privacy: Privacy = request.secret === null ? { mode: 'identified' } : { mode: 'pseudonymised', secret: new TextEncoder().encode(request.secret) };
  const time = new Date(request.time);
  const made = await analysisExport(forms, interviews, { labels: request.labels, privacy, today: request.today, format: request.format, bom: request.bom, time });
  if (!made.ok) return ok({ kind: 'weak-secret', minBytes: made.error.minBytes });
  // Zipped here too: several megabytes of tables would hold up the page.
  const file = savedFileOf(made.value.files, request.format, request.today, time);
  if (!file) return ok({ kind: 'nothing', brokenForms: broken, missingForms: made.value.missingForms });
  const missingForms = made.value.missingForms.filter((m) => !broken.includes(m.formKey));
  return ok({ kind: 'made', file, fileNames: made.value.files.map((f) => f.fileName), exported: made.value.exported, missingForms, brokenForms: broken });
}

/** The saved file's buffer, when the file has it to itself: handed over to the page, not copied. */
export function transferableFiles(outcome: AnalysisOutcome): ArrayBuffer[] {
  if (outcome.kind !== 'made') return [];
  const { bytes } = outcome.file;
  return bytes.buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? [bytes.buffer] : [];
}
