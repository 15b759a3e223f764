import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { xlsxFiles } from '../../../core/exports/xlsx';
import type { CodebookEntry, ExportModel } from '../../../core/exports/types';
import { aTinyInterview, exportOf, tinyV1 } from '../../helpers/exports';

const time = new Date('2026-11-28T10:00:00.000Z');
const codebook: CodebookEntry[] = [
  { id: 'TERR', parent: null, name: { fr: 'Attachement au territoire', en: 'Attachment to the territory' }, definition: { fr: 'Le passé, l’avenir', en: 'Past and future' } },
];
const interview = aTinyInterview('i-1', {
  firm_name: 'Moules Perrin', founded: 1987, exports: 12.5, trust: 'dk', eco_costs: '4', practices: ['training'],
  ties: [{ id: '0190-a', answers: { tie_name: 'Atelier Bouvier', tie_foreign: 'no' } }],
});

async function open(model: ExportModel): Promise<ExcelJS.Workbook> {
  const [file] = await xlsxFiles(model, { codebook, time });
  if (!file) throw new Error('no workbook');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
  return workbook;
}

const valuesOf = (sheet: ExcelJS.Worksheet | undefined, row: number): unknown[] => {
  const values = sheet?.getRow(row).values;
  return Array.isArray(values) ? values.slice(1) : [];
};

afterEach(() => {
  vi.useRealTimers();
});

describe('XLSX workbooks', () => {
  it('have one workbook per form version, named after it', async () => {
    const files = await xlsxFiles(exportOf([tinyV1()], [interview]), { codebook: [], time });
    expect(files.map((f) => f.fileName)).toEqual(['tiny-v1.xlsx']);
  });

  it('open in exceljs with a sheet per table, then the dictionary and the codebook', async () => {
    const workbook = await open(exportOf([tinyV1()], [interview]));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['main', 'ties', 'dictionary', 'codebook']);
    expect(workbook.created.toISOString()).toBe(time.toISOString());
  });

  it('hold the same cells as the table model, numbers as numbers', async () => {
    const model = exportOf([tinyV1()], [interview]);
    const workbook = await open(model);
    const main = workbook.getWorksheet('main');
    const header = valuesOf(main, 1);
    const row = valuesOf(main, 2);
    const cell = (name: string) => row[header.indexOf(name)];
    expect(header).toEqual(model.forms[0]?.tables[0]?.columns.map((c) => c.name));
    expect([cell('interview_id'), cell('founded'), cell('exports'), cell('trust'), cell('eco_costs'), cell('practices__training')]).toEqual(['i-1', 1987, 12.5, 'dk', 4, 1]);
    expect(cell('firm_name')).toMatch(/^F-/);
    expect(valuesOf(workbook.getWorksheet('ties'), 2).slice(0, 3)).toEqual(['i-1', '0190-a', 1]);
  });

  it('carry the dictionary and the codebook', async () => {
    const workbook = await open(exportOf([tinyV1()], [interview]));
    expect(valuesOf(workbook.getWorksheet('dictionary'), 1)).toEqual(['variable', 'table', 'label_fr', 'label_en', 'type', 'choices', 'notes_fr', 'notes_en']);
    expect(valuesOf(workbook.getWorksheet('codebook'), 2)).toEqual(['TERR', undefined, 'Attachement au territoire', 'Attachment to the territory', 'Le passé, l’avenir', 'Past and future']);
  });

  it('are the same bytes for the same data and time, whatever the clock says while writing', async () => {
    const model = exportOf([tinyV1()], [interview]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-01-01T08:00:00Z'));
    const [first] = await xlsxFiles(model, { codebook, time });
    vi.setSystemTime(new Date('2028-06-15T17:33:21Z'));
    const [second] = await xlsxFiles(model, { codebook, time });
    expect(second?.bytes).toEqual(first?.bytes);
  });
});
