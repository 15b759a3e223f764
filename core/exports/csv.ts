/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a field in double quotes when it
 * holds a comma, a quote (doubled), a line break — and also a semicolon or a leading or trailing
 * space, so that Excel set to a French locale (which splits on `;`) and trimming readers keep the
 * value whole. UTF-8; a byte-order mark on request, for Excel to read accents right.
 */
import { dictionaryGrid, tableGrid, type Grid } from './dictionary';
import type { Cell, ExportFile, ExportModel } from './types';

export interface CsvOptions {
  /** Start with a UTF-8 byte-order mark (for Excel). */
  readonly bom?: boolean;
}

const needsQuotes = /[",;\r\n]|^\s|\s$/;

const smallNumbers = new Array<string | undefined>(4096);

export function csvField(cell: Cell): string {
  if (cell === null) return '';
  // A number's text never needs quotes; small whole numbers (years, counts, shares) are written once.
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell < smallNumbers.length ? (smallNumbers[cell] ??= String(cell)) : String(cell);
  return needsQuotes.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

const bomBytes = new Uint8Array([0xef, 0xbb, 0xbf]);

export function csvBytes(grid: Grid, options: CsvOptions = {}): Uint8Array {
  const lines: string[] = [grid.header.map(csvField).join(',')];
  for (const row of grid.rows) lines.push(row.map(csvField).join(','));
  const body = new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
  if (options.bom !== true) return body;
  const out = new Uint8Array(bomBytes.length + body.length);
  out.set(bomBytes, 0);
  out.set(body, bomBytes.length);
  return out;
}

/** The data dictionary of each form: `<form>-v<N>__dictionary.csv`. */
export function dictionaryCsvFiles(model: ExportModel, options: CsvOptions = {}): ExportFile[] {
  return model.forms.map((form) => ({ fileName: `${form.baseName}__dictionary.csv`, bytes: csvBytes(dictionaryGrid(form), options) }));
}

/** One file per table (`<form>-v<N>__main.csv`, `<form>-v<N>__<repeat>.csv`), then the dictionary. */
export function csvFiles(model: ExportModel, options: CsvOptions = {}): ExportFile[] {
  const tables = model.forms.flatMap((form) =>
    form.tables.map((table) => ({ fileName: `${form.baseName}__${table.name}.csv`, bytes: csvBytes(tableGrid(table), options), rows: table.rows.length })),
  );
  return [...tables, ...dictionaryCsvFiles(model, options)];
}
