/**
 * Issue "Foundation" figures: start to an interactive list with 10,000 interviews, the save of
 * one interview, and the JavaScript loaded at start. Real Chromium, real IndexedDB.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../test/helpers/browser';
import { startPreview } from '../test/helpers/preview-server';
import type { Metric } from './lib/results';

const runs = 5;

/** The scripts index.html loads at start (entry and preloaded chunks), gzipped as served. */
export function startupScriptKilobytes(distDir = 'dist/renderer'): number {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const bytes = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length, 0);
  return bytes / 1024;
}

/** Writes `count` interviews straight into the app's IndexedDB store. */
export async function seedInterviews(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const networks = ['Mont-Blanc Industries', 'Uztaro', 'Eurosima', 'Pôle Bois Jura', 'Vallée de la Bresle'];
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('maillage');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(new Error('open failed')); };
    });
    const tx = db.transaction('interviews', 'readwrite');
    const store = tx.objectStore('interviews');
    for (let i = 0; i < n; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const month = String(1 + (i % 12)).padStart(2, '0');
      store.put({
        id: `0190${String(i).padStart(8, '0')}-0000-7000-8000-000000000000`,
        respondentName: `Personne ${i}`,
        respondentRole: 'founder',
        firmName: `Entreprise ${i}`,
        commune: `Commune ${i % 300}`,
        networkName: networks[i % networks.length],
        interviewDate: `20${20 + (i % 6)}-${month}-${day}`,
        interviewer: `Enquêteur ${i % 4}`,
        createdAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => { resolve(); };
      tx.onerror = () => { reject(new Error('seed failed')); };
    });
    db.close();
  }, count);
}

const waitReady = (page: Page) => page.locator('section.interview-list[data-ready="true"] .table-body .table-row').first().waitFor();

export async function runFoundationBench(): Promise<Metric[]> {
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('section.interview-list[data-ready="true"]').waitFor();
    await seedInterviews(page, 10_000);

    const start: number[] = [];
    for (let i = 0; i < runs; i++) {
      await page.goto('about:blank');
      await page.goto(server.url);
      await waitReady(page);
      const rendered = await page.locator('.table-body .table-row').count();
      if (rendered > 60) throw new Error(`list not virtualised: ${rendered} rows rendered`);
      start.push(await page.evaluate(() => performance.getEntriesByName('maillage:list-ready')[0]?.startTime ?? Number.NaN));
    }

    const save: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      await page.goto(`${server.url}#/interviews/new`);
      await page.locator('input[name="respondentName"]').fill(`Bench ${i}`);
      await page.locator('input[name="firmName"]').fill('Bench SARL');
      await page.locator('input[name="interviewer"]').fill('Bench');
      await page.locator('button[type="submit"]').click();
      await waitReady(page);
      save.push(await page.evaluate(() => {
        const entries = performance.getEntriesByName('maillage:save');
        return entries[entries.length - 1]?.duration ?? Number.NaN;
      }));
    }
    await context.close();

    return [
      { id: 'start-10k', label: 'start to interactive list, 10,000 interviews (Chromium)', unit: 'ms', budget: 1000, samples: start },
      { id: 'save-one', label: 'save one interview, click to committed transaction (Chromium)', unit: 'ms', budget: 20, samples: save.slice(2) },
      { id: 'startup-js', label: 'renderer JavaScript loaded at start, gzipped', unit: 'KB', budget: 400, samples: [startupScriptKilobytes()] },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
