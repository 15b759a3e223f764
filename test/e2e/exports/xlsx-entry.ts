/**
 * Bundled by exports-xlsx.e2e.ts for a page in Chromium: builds an export model and writes the
 * workbook the way the app will, with the XLSX writer (and exceljs) loaded on demand.
 */
import { buildExportModel } from '../../../core/exports/table-model';
import { loadFormText } from '../../../core/forms/load';
import type { Interview } from '../../../core/records/interview';

async function writeWorkbook(formText: string, interviews: Interview[]): Promise<{ fileName: string; bytes: number[] }[]> {
  const form = loadFormText(formText);
  if (!form.ok) throw new Error('the form does not load');
  const secret = new TextEncoder().encode('a browser test secret, 32 bytes');
  const model = buildExportModel(new Map([[form.value.key, form.value]]), interviews, { labels: 'fr', privacy: { mode: 'pseudonymised', secret }, today: '2026-11-28' });
  if (!model.ok) throw new Error(model.error.code);
  const { xlsxFiles } = await import('../../../core/exports/xlsx');
  const files = await xlsxFiles(model.value, { codebook: [], time: new Date('2026-11-28T10:00:00.000Z') });
  return files.map((f) => ({ fileName: f.fileName, bytes: [...f.bytes] }));
}

Object.assign(globalThis, { maillageWriteWorkbook: writeWorkbook });
