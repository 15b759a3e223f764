/**
 * The XLSX writer: one workbook per form version, a sheet per table, then the data dictionary and
 * the qualitative codebook. This is the only module that imports exceljs (a large library), so
 * the app loads it only when someone asks for a workbook: `await import('core/exports/xlsx')`.
 *
 * exceljs stamps every zip entry with the current time; the workbook is re-packed with the
 * caller's time, so the same data and time always give the same bytes.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { codebookGrid, dictionaryGrid, tableGrid, type Grid } from './dictionary';
import type { CodebookEntry, ExportFile, ExportModel, FormExport } from './types';

export interface XlsxOptions {
  /** The codes of the qualitative codebook (the sheet is written, with its header, even when empty). */
  readonly codebook: readonly CodebookEntry[];
  /** Written as the workbook's creation and modification time, and as every zip entry's time. */
  readonly time: Date;
}

const maxSheetName = 31;

/** Sheet names: at most 31 characters, unique whatever the case (Excel's rules). */
function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const cleaned = wanted.replace(/[[\]:*?/\\]/g, '_').slice(0, maxSheetName) || 'sheet';
    let name = cleaned;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${cleaned.slice(0, maxSheetName - String(n).length - 1)}_${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}

function addSheet(workbook: ExcelJS.Workbook, name: string, grid: Grid): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...grid.header]).font = { bold: true };
  for (const row of grid.rows) sheet.addRow(row.map((cell) => cell ?? undefined));
  sheet.columns.forEach((column, i) => {
    column.width = Math.min(40, Math.max(10, (grid.header[i] ?? '').length + 2));
  });
}

function toBytes(buffer: unknown): Uint8Array {
  if (buffer instanceof Uint8Array) return buffer;
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  throw new Error('exceljs returned neither bytes nor an ArrayBuffer');
}

/** Re-packs a zip with one fixed time for every entry, in the same order, without folder entries. */
function repack(bytes: Uint8Array, time: Date): Uint8Array {
  // Zip times are local times from 1980 on: shift so that the stored fields read as UTC everywhere.
  const utc = Math.max(time.getTime(), Date.UTC(1980, 0, 2));
  const mtime = new Date(utc + new Date(utc).getTimezoneOffset() * 60_000);
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith('/')) zippable[name] = [data, { level: 6, mtime }];
  }
  return zipSync(zippable, { level: 6, mtime });
}

async function workbookOf(form: FormExport, options: XlsxOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maillage';
  workbook.lastModifiedBy = 'Maillage';
  workbook.created = options.time;
  workbook.modified = options.time;
  workbook.title = form.title.en;
  const nameSheet = sheetNamer();
  for (const table of form.tables) addSheet(workbook, nameSheet(table.name), tableGrid(table));
  addSheet(workbook, nameSheet('dictionary'), dictionaryGrid(form));
  addSheet(workbook, nameSheet('codebook'), codebookGrid(options.codebook));
  return repack(toBytes(await workbook.xlsx.writeBuffer()), options.time);
}

/** One workbook per form version: `<form>-v<N>.xlsx`. */
export async function xlsxFiles(model: ExportModel, options: XlsxOptions): Promise<ExportFile[]> {
  const files: ExportFile[] = [];
  for (const form of model.forms) files.push({ fileName: `${form.baseName}.xlsx`, bytes: await workbookOf(form, options) });
  return files;
}
