/**
 * From forms and interviews to the tables of an analysis export. Interviews are grouped by the
 * form version they were taken with (`id@version`), each group with its own tables; rows are in
 * interview id order, so the same data always gives the same tables. Every interview goes
 * through the form engine: hidden questions export as empty, calculations as computed.
 */
import { evaluateValues, questionIndex } from '../forms/engine';
import { isRepeatInstances, type Answers, type IndexedAnswers } from '../forms/answers';
import type { CompiledForm } from '../forms/model';
import type { Interview, InterviewSummary } from '../records/interview';
import { err, ok, type Result } from '../shared/result';
import { visibleState, type RawCell, type RowContext } from './cells';
import { mainCoverColumns, repeatCoverColumns } from './cover-columns';
import { createPseudonymBook, minSecretBytes, type PendingPseudonym } from './pseudonyms';
import { isConfidential, questionColumns, type ColumnContext, type ColumnSpec } from './question-columns';
import type { Cell, ExportColumn, ExportError, ExportModel, ExportOptions, ExportTable, FormExport } from './types';

/** A table before its rows: what it is and how each of its columns reads a row. */
export interface TableShape {
  readonly name: string;
  readonly kind: ExportTable['kind'];
  readonly label: ExportTable['label'];
  readonly specs: readonly ColumnSpec[];
}

interface TableDraft extends TableShape {
  readonly rows: RawCell[][];
}

const byId = (a: Interview, b: Interview) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Header names are unique in a table. A question's own column always keeps the question's name
 * (names are the contract with analysis scripts); a cover column that a question's name takes
 * becomes `cover_<name>`, and any other duplicate gets `_2`, `_3`…
 */
export function uniqueColumns(specs: readonly ColumnSpec[]): ExportColumn[] {
  const isPrimary = (column: ExportColumn) => column.question === column.name;
  const reserved = new Set(specs.filter((s) => isPrimary(s.column)).map((s) => s.column.name));
  const used = new Set<string>();
  return specs.map(({ column }) => {
    const primary = isPrimary(column);
    const taken = (name: string) => used.has(name) || (!primary && reserved.has(name));
    const base = !primary && column.question === undefined && reserved.has(column.name) ? `cover_${column.name}` : column.name;
    let name = base;
    for (let n = 2; taken(name); n++) name = `${base}_${n}`;
    used.add(name);
    return name === column.name ? column : { ...column, name };
  });
}

export function tableShapes(ctx: ColumnContext): TableShape[] {
  const { form } = ctx;
  const top: ColumnSpec[] = [...mainCoverColumns(ctx)];
  const repeats: TableShape[] = [];
  for (const node of form.nodes.values()) {
    if (node.repeat !== undefined) continue;
    top.push(...questionColumns(ctx, node));
    if (node.kind !== 'repeat' || (ctx.book !== null && isConfidential(form, node))) continue;
    const specs = [...repeatCoverColumns()];
    for (const child of form.repeatChildren.get(node.name) ?? []) {
      const childNode = form.nodes.get(child);
      if (childNode) specs.push(...questionColumns(ctx, childNode));
    }
    repeats.push({ name: node.name, kind: 'repeat', label: node.label, specs });
  }
  return [{ name: 'main', kind: 'main', label: form.definition.title, specs: top }, ...repeats];
}

/** How each column of a table reads a row: as a cell, or (CSV in parts) as a CSV field. */
export interface TableReaders<T> {
  readonly name: string;
  readonly kind: ExportTable['kind'];
  readonly readers: readonly ((row: RowContext) => T)[];
  /**
   * The questions its columns read (indexes, see questionIndex), each once, in the order of the
   * columns: a row's values are worked out in that order, as the columns would ask for them.
   */
  readonly questions: readonly number[];
}

/** The questions the columns of `specs` read, each once, in column order. */
export function questionsRead(form: CompiledForm, specs: readonly ColumnSpec[]): number[] {
  const indexes = new Set<number>();
  for (const { column } of specs) {
    const index = column.question === undefined ? undefined : questionIndex(form, column.question);
    if (index !== undefined) indexes.add(index);
  }
  return [...indexes];
}

export const cellReaders = (form: CompiledForm, shapes: readonly TableShape[]): TableReaders<RawCell>[] =>
  shapes.map(({ name, kind, specs }) => ({ name, kind, readers: specs.map((spec) => spec.read), questions: questionsRead(form, specs) }));

/**
 * Where each row of one interview reads, table by table (`table` is the index in `tables`): a
 * main row, then one row per item of each shown repeat group. `answers`: the interview's, keyed
 * by name or indexed in `form`.
 */
export function forEachRow(
  form: CompiledForm,
  tables: readonly Pick<TableReaders<unknown>, 'kind' | 'name' | 'questions'>[],
  interview: InterviewSummary,
  answers: Answers | IndexedAnswers,
  today: string,
  visit: (table: number, row: RowContext) => void,
): void {
  const values = evaluateValues(form, answers, today);
  const main = tables.find((table) => table.kind === 'main');
  const row: RowContext = { interview, values, shown: values.shownValues(main?.questions ?? []) };
  tables.forEach((table, t) => {
    if (table.kind === 'main') {
      visit(t, row);
      return;
    }
    if (!visibleState(row, table.name)) return;
    const items = values.stored(questionIndex(form, table.name) ?? -1);
    if (!isRepeatInstances(items)) return;
    items.forEach((item, index) => {
      const scope = { repeat: table.name, instance: item };
      visit(t, { interview, values, shown: values.shownValues(table.questions, scope), item: { repeat: table.name, id: item.id, index: index + 1, answers: item.answers, scope } });
    });
  });
}

/** The rows one interview gives each table of its form (a main row, one row per repeat item). */
export function interviewRows<T>(form: CompiledForm, tables: readonly TableReaders<T>[], interview: Interview, today: string): T[][][] {
  const rows: T[][][] = tables.map(() => []);
  forEachRow(form, tables, interview, interview.answers, today, (t, row) => {
    rows[t]?.push((tables[t]?.readers ?? []).map((read) => read(row)));
  });
  return rows;
}

const isPending = (cell: RawCell): cell is PendingPseudonym => typeof cell === 'object' && cell !== null;

/** `spl-cooperation@1` → `spl-cooperation-v1`, the prefix of the form's file names. */
export const baseNameOf = (form: CompiledForm): string => `${form.definition.id}-v${form.definition.version}`;

/**
 * The export's tables. `forms` maps form keys (`id@version`) to compiled forms; interviews whose
 * form is missing are listed in `missingForms`, not exported.
 */
export function buildExportModel(
  forms: ReadonlyMap<string, CompiledForm>,
  interviews: readonly Interview[],
  options: ExportOptions,
): Result<ExportModel, ExportError> {
  const { privacy } = options;
  if (privacy.mode === 'pseudonymised' && privacy.secret.length < minSecretBytes) return err({ code: 'weak-secret', minBytes: minSecretBytes });
  const book = privacy.mode === 'pseudonymised' ? createPseudonymBook(privacy.secret, privacy.hmac) : null;

  const groups = new Map<string, Interview[]>();
  for (const interview of interviews) {
    const key = `${interview.formId}@${interview.formVersion}`;
    const group = groups.get(key);
    if (group) group.push(interview);
    else groups.set(key, [interview]);
  }
  const keys = [...groups.keys()].sort();
  const missingForms = keys.filter((key) => !forms.has(key)).map((formKey) => ({ formKey, interviewIds: (groups.get(formKey) ?? []).map((i) => i.id).sort() }));

  const drafts: { form: CompiledForm; tables: TableDraft[] }[] = [];
  for (const key of keys) {
    const form = forms.get(key);
    if (!form) continue;
    const tables: TableDraft[] = tableShapes({ form, labels: options.labels, book }).map((shape) => ({ ...shape, rows: [] }));
    const readers = cellReaders(form, tables);
    for (const interview of [...(groups.get(key) ?? [])].sort(byId)) {
      interviewRows(form, readers, interview, options.today).forEach((rows, i) => {
        const table = tables[i];
        if (table) for (const row of rows) table.rows.push(row);
      });
    }
    drafts.push({ form, tables });
  }

  const codeOf = book?.resolve();
  /** Rows are large: pseudonyms replace their pending names in place. */
  const finish = (rows: RawCell[][]): (readonly Cell[])[] => {
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        if (cell !== undefined && isPending(cell)) row[i] = codeOf ? codeOf(cell) : null;
      }
    }
    return rows as Cell[][]; // no pending name is left
  };
  const exported = drafts.map(({ form, tables }): FormExport => ({
    formKey: form.key,
    formId: form.definition.id,
    formVersion: form.definition.version,
    title: form.definition.title,
    baseName: baseNameOf(form),
    tables: tables.map((t) => ({ name: t.name, kind: t.kind, label: t.label, columns: uniqueColumns(t.specs), rows: finish(t.rows) })),
  }));
  return ok({ forms: exported, missingForms, labels: options.labels, identified: privacy.mode === 'identified' });
}
