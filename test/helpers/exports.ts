/** Small export fixtures: interviews of the tiny form, and a shortcut to the export's tables. */
import { buildExportModel } from '../../core/exports/table-model';
import type { Cell, ExportModel, ExportOptions, ExportTable, LabelMode, Privacy } from '../../core/exports/types';
import type { Answers } from '../../core/forms/answers';
import type { CompiledForm } from '../../core/forms/model';
import type { Interview } from '../../core/records/interview';
import { anInterview } from './factories';
import { loadFixtureForm } from './forms';

export const tinyV1 = (): CompiledForm => loadFixtureForm('test/fixtures/forms/tiny-v1.json');
export const tinyV2 = (): CompiledForm => loadFixtureForm('test/fixtures/forms/tiny-v2.json');
export const builtInForm = (): CompiledForm => loadFixtureForm('forms/spl-cooperation/v1.json');

export const testSecret = new TextEncoder().encode('a project secret of 32 bytes....');
export const pseudonymised: Privacy = { mode: 'pseudonymised', secret: testSecret };
export const identified: Privacy = { mode: 'identified' };

/** A tiny-form interview whose person has consented, with these answers added. */
export function aTinyInterview(id: string, answers: Answers = {}, overrides: Partial<Interview> = {}): Interview {
  return anInterview({ id, formId: 'tiny', formVersion: 1, status: 'complete', answers: { agree: 'yes', ...answers }, ...overrides });
}

export function exportOf(
  forms: readonly CompiledForm[],
  interviews: readonly Interview[],
  options: { labels?: LabelMode; privacy?: Privacy } = {},
): ExportModel {
  const full: ExportOptions = { labels: options.labels ?? 'codes', privacy: options.privacy ?? pseudonymised, today: '2026-11-28' };
  const built = buildExportModel(new Map(forms.map((f) => [f.key, f])), interviews, full);
  if (!built.ok) throw new Error(`export failed: ${built.error.code}`);
  return built.value;
}

export function tableOf(model: ExportModel, table: string, formKey?: string): ExportTable {
  const form = formKey === undefined ? model.forms[0] : model.forms.find((f) => f.formKey === formKey);
  const found = form?.tables.find((t) => t.name === table);
  if (!found) throw new Error(`no table ${table} in ${formKey ?? 'the first form'}`);
  return found;
}

export const headerOf = (table: ExportTable): string[] => table.columns.map((c) => c.name);

/** The cells of one column, row by row. */
export function columnOf(table: ExportTable, name: string): Cell[] {
  const index = table.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new Error(`no column ${name} in ${table.name}`);
  return table.rows.map((row) => row[index] ?? null);
}

/** One row as an object, for readable expectations. */
export function rowOf(table: ExportTable, index: number): Record<string, Cell> {
  const row = table.rows[index];
  if (!row) throw new Error(`no row ${index} in ${table.name}`);
  return Object.fromEntries(table.columns.map((c, i) => [c.name, row[i] ?? null]));
}
