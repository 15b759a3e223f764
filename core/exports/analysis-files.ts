/**
 * An analysis export from interviews already read, as files: what `maillage export` makes from a
 * bundle read the ordinary way, and what the app makes from its database. The CSV export of a
 * large bundle in the CLI takes another road (csv-parts.ts) to the same bytes.
 */
import { csvFiles, dictionaryCsvFiles } from './csv';
import { buildExportModel } from './table-model';
import type { CompiledForm } from '../forms/model';
import type { Interview } from '../records/interview';
import { ok, type Result } from '../shared/result';
import type { CodebookEntry, ExportError, ExportFile, ExportModel, ExportOptions } from './types';

export type ExportFormat = 'csv' | 'xlsx' | 'dictionary';
export const exportFormats = ['csv', 'xlsx', 'dictionary'] as const satisfies readonly ExportFormat[];

export interface FileOptions {
  readonly format: ExportFormat;
  /** CSV files start with a UTF-8 byte-order mark (for Excel). */
  readonly bom: boolean;
  /** The time written into workbooks (their zip entries and properties). */
  readonly time: Date;
  /** The qualitative codebook, for the workbook's codebook sheet. */
  readonly codebook?: readonly CodebookEntry[];
}

/** The files of an export and what is reported of them. */
export interface AnalysisExport {
  readonly files: readonly ExportFile[];
  readonly missingForms: ExportModel['missingForms'];
  /** How many form versions have tables. */
  readonly formCount: number;
  /** Interviews written (rows of the main tables). */
  readonly exported: number;
}

/** The files of an export model in one format. */
export async function exportModelFiles(model: ExportModel, options: FileOptions): Promise<ExportFile[]> {
  if (options.format === 'csv') return csvFiles(model, { bom: options.bom });
  if (options.format === 'dictionary') return dictionaryCsvFiles(model, { bom: options.bom });
  // exceljs is large: loaded only for workbooks.
  const { xlsxFiles } = await import('./xlsx');
  return xlsxFiles(model, { codebook: options.codebook ?? [], time: options.time });
}

/** The export of `interviews` (deleted ones already left out) with the forms they were taken with. */
export async function analysisExport(
  forms: ReadonlyMap<string, CompiledForm>,
  interviews: readonly Interview[],
  options: ExportOptions & FileOptions,
): Promise<Result<AnalysisExport, ExportError>> {
  const built = buildExportModel(forms, interviews, options);
  if (!built.ok) return built;
  const model = built.value;
  const exported = model.forms.reduce((sum, form) => sum + (form.tables[0]?.rows.length ?? 0), 0);
  return ok({ files: await exportModelFiles(model, options), missingForms: model.missingForms, formCount: model.forms.length, exported });
}
