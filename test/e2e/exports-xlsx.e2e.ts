/**
 * The XLSX writer in the browser: core/exports/xlsx.ts bundled by Vite as the app bundles it,
 * exceljs in a chunk of its own loaded on demand, run in Chromium. The workbook it writes opens
 * in exceljs on Node with every sheet.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser';
import { aTinyInterview } from '../helpers/exports';

let dir = '';
let server: Server | undefined;
let browser: Browser | undefined;
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-xlsx-browser-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { outDir: dir, emptyOutDir: true, minify: true, rolldownOptions: { input: 'test/e2e/exports/xlsx-entry.ts', output: { format: 'es', entryFileNames: 'entry.js' } } },
  });
  server = createServer((request, response) => {
    if (request.url === '/') {
      response.setHeader('content-type', 'text/html');
      response.end('<!doctype html><title>xlsx</title><script type="module" src="/entry.js"></script>');
      return;
    }
    try {
      const file = readFileSync(join(dir, (request.url ?? '').replace(/\.\./g, '')));
      response.setHeader('content-type', 'text/javascript');
      response.end(file);
    } catch {
      response.statusCode = 404;
      response.end();
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('the XLSX export in Chromium', () => {
  it('keeps exceljs out of the entry, in a chunk loaded on demand', () => {
    const entry = readFileSync(join(dir, 'entry.js'), 'utf8');
    expect(entry).not.toContain('exceljs');
    expect(readdirSync(join(dir, 'assets')).some((f) => f.startsWith('xlsx-'))).toBe(true);
  });

  it('writes a workbook with its sheets, without Node built-ins', async () => {
    const page = await (browser as Browser).newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(url);
    await page.waitForFunction(() => 'maillageWriteWorkbook' in globalThis);
    const interview = aTinyInterview('i-1', { firm_name: 'Moules Perrin', founded: 1987, trust: 'dk', ties: [{ id: '0190-a', answers: { tie_name: 'Atelier' } }] });
    const files = await page.evaluate(
      ({ text, interviews }) => (globalThis as unknown as { maillageWriteWorkbook: (t: string, i: unknown[]) => Promise<{ fileName: string; bytes: number[] }[]> }).maillageWriteWorkbook(text, interviews),
      { text: readFileSync('test/fixtures/forms/tiny-v1.json', 'utf8'), interviews: [interview] },
    );
    expect(errors).toEqual([]);
    expect(files.map((f) => f.fileName)).toEqual(['tiny-v1.xlsx']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(files[0]?.bytes ?? []) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['main', 'ties', 'dictionary', 'codebook']);
    const main = workbook.getWorksheet('main');
    const header = main?.getRow(1).values as unknown[];
    expect((main?.getRow(2).values as unknown[])[header.indexOf('trust')]).toBe('Ne sait pas');
  });
});
