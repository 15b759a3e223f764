/**
 * CSV exports made in parts — a large bundle's interviews shared among threads — giving the very
 * bytes `csvFiles(buildExportModel(…))` gives. Each part turns its interviews into CSV lines as
 * soon as they are read (nothing but text is kept), with holes where a pseudonym goes: codes are
 * known only once every name of the export is (their length grows where two names share their
 * first digits). The parts are then put together: interviews grouped by form and in id order,
 * holes filled, the data dictionary added.
 */
import type { CompiledForm } from '../forms/model';
import type { Interview } from '../records/interview';
import { err, ok, type Result } from '../shared/result';
import { csvField, dictionaryCsvFiles, type CsvOptions } from './csv';
import { createNameBook, minSecretBytes, pseudonymCodes, type NameBook, type PendingPseudonym } from './pseudonyms';
import { baseNameOf, interviewRows, tableShapes, uniqueColumns, type TableShape } from './table-model';
import type { RawCell } from './cells';
import type { ExportError, ExportFile, ExportModel, ExportOptions, FormExport, LabelMode } from './types';

/** A CSV line without its line end; with holes, the text around each pseudonym. */
export type CsvLine = string | { readonly parts: readonly string[]; readonly holes: readonly PendingPseudonym[] };

export interface CsvPartInterview {
  readonly formKey: string;
  readonly id: string;
  /** The lines of each table of the form, in the form's table order; null when the form is missing. */
  readonly tables: readonly (readonly CsvLine[])[] | null;
}

/** One part's interviews as lines, and the names they hold (folded keys). Plain data: it crosses threads. */
export interface CsvPart {
  readonly interviews: readonly CsvPartInterview[];
  readonly names: readonly string[];
}

export interface CsvPartOptions {
  readonly labels: LabelMode;
  readonly pseudonymised: boolean;
  /** Today's date (`YYYY-MM-DD`), for form logic that calls `today()`. */
  readonly today: string;
}

export interface CsvPartMaker {
  add(interview: Interview): void;
  finish(): CsvPart;
}

/** Fields are gathered and joined once: a line built by `+=` is a rope that every later join must flatten. */
function csvLine(row: readonly RawCell[]): CsvLine {
  const fields: string[] = [];
  let parts: string[] | null = null;
  let holes: PendingPseudonym[] | null = null;
  for (const cell of row) {
    if (typeof cell === 'object' && cell !== null) {
      (parts ??= []).push(fields.length === 0 ? '' : `${fields.join(',')},`);
      (holes ??= []).push(cell);
      fields.length = 0;
      fields.push('');
    } else fields.push(csvField(cell));
  }
  if (!parts || !holes) return fields.join(',');
  // After a hole, `fields` starts with '' so that the join puts the comma after the code.
  parts.push(fields.join(','));
  return { parts, holes };
}

const shapesOf = (form: CompiledForm, labels: LabelMode, book: NameBook | null): TableShape[] => tableShapes({ form, labels, book });

export function createCsvPartMaker(forms: ReadonlyMap<string, CompiledForm>, options: CsvPartOptions): CsvPartMaker {
  const book = options.pseudonymised ? createNameBook() : null;
  const shapes = new Map<string, TableShape[] | null>();
  const interviews: CsvPartInterview[] = [];
  return {
    add(interview) {
      const formKey = `${interview.formId}@${interview.formVersion}`;
      const form = forms.get(formKey);
      let tables = shapes.get(formKey);
      if (tables === undefined) {
        tables = form ? shapesOf(form, options.labels, book) : null;
        shapes.set(formKey, tables);
      }
      if (!tables || !form) {
        interviews.push({ formKey, id: interview.id, tables: null });
        return;
      }
      const rows = interviewRows(form, tables, interview, options.today);
      interviews.push({ formKey, id: interview.id, tables: rows.map((table) => table.map(csvLine)) });
    },
    finish: () => ({ interviews, names: book ? [...book.keys()] : [] }),
  };
}

/** What an export in parts gives: its files (tables, then dictionaries) and what the CLI reports. */
export interface CsvExport {
  readonly files: readonly ExportFile[];
  readonly missingForms: ExportModel['missingForms'];
  /** How many form versions have tables. */
  readonly formCount: number;
  /** Interviews written (rows of the main tables). */
  readonly exported: number;
}

const byId = (a: CsvPartInterview, b: CsvPartInterview) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const bomBytes = new Uint8Array([0xef, 0xbb, 0xbf]);

function fileBytes(text: string, bom: boolean): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(bomBytes.length + body.length);
  out.set(bomBytes, 0);
  out.set(body, bomBytes.length);
  return out;
}

/** The files of the export whose interviews the parts hold (each interview in one part only). */
export function csvExportFromParts(
  forms: ReadonlyMap<string, CompiledForm>,
  parts: readonly CsvPart[],
  options: ExportOptions & CsvOptions,
): Result<CsvExport, ExportError> {
  const { privacy } = options;
  if (privacy.mode === 'pseudonymised' && privacy.secret.length < minSecretBytes) return err({ code: 'weak-secret', minBytes: minSecretBytes });
  const codeOf = privacy.mode === 'pseudonymised' ? pseudonymCodes(parts.flatMap((part) => part.names), privacy.secret, privacy.hmac) : null;
  const fill = (line: CsvLine): string => {
    if (typeof line === 'string') return line;
    let text = line.parts[0] ?? '';
    line.holes.forEach((hole, i) => {
      text += (codeOf ? codeOf(hole) : '') + (line.parts[i + 1] ?? '');
    });
    return text;
  };

  const groups = new Map<string, CsvPartInterview[]>();
  for (const part of parts) {
    for (const interview of part.interviews) {
      const group = groups.get(interview.formKey);
      if (group) group.push(interview);
      else groups.set(interview.formKey, [interview]);
    }
  }
  const keys = [...groups.keys()].sort();
  const missingForms = keys.filter((key) => !forms.has(key)).map((formKey) => ({ formKey, interviewIds: (groups.get(formKey) ?? []).map((i) => i.id).sort() }));

  const book = privacy.mode === 'pseudonymised' ? createNameBook() : null;
  const bom = options.bom === true;
  const tableFiles: ExportFile[] = [];
  const exports: FormExport[] = [];
  let exported = 0;
  for (const key of keys) {
    const form = forms.get(key);
    if (!form) continue;
    const interviews = (groups.get(key) ?? []).sort(byId);
    const shapes = shapesOf(form, options.labels, book);
    const tables = shapes.map((shape) => ({ name: shape.name, kind: shape.kind, label: shape.label, columns: uniqueColumns(shape.specs), rows: [] }));
    tables.forEach((table, t) => {
      const lines = [table.columns.map((c) => csvField(c.name)).join(',')];
      for (const interview of interviews) for (const line of interview.tables?.[t] ?? []) lines.push(fill(line));
      if (t === 0) exported += lines.length - 1;
      tableFiles.push({ fileName: `${baseNameOf(form)}__${table.name}.csv`, bytes: fileBytes(`${lines.join('\r\n')}\r\n`, bom), rows: lines.length - 1 });
    });
    exports.push({ formKey: form.key, formId: form.definition.id, formVersion: form.definition.version, title: form.definition.title, baseName: baseNameOf(form), tables });
  }
  const model: ExportModel = { forms: exports, missingForms, labels: options.labels, identified: privacy.mode === 'identified' };
  return ok({ files: [...tableFiles, ...dictionaryCsvFiles(model, options)], missingForms, formCount: exports.length, exported });
}
