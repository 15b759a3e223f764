/**
 * Filling figures (Chromium, real IndexedDB): opening an interview with 300 answers, and the
 * delay from a keystroke in a long text to its committed write.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { loadFormText } from '../core/forms/load';
import { stampChanges } from '../core/exchange/interview-sync';
import { formatHlc } from '../core/exchange/hlc';
import { restoreInterview } from '../core/records/interview-restore';
import { launchBrowser } from '../test/helpers/browser';
import { startPreview } from '../test/helpers/preview-server';
import type { Metric } from './lib/results';
import { countAnswers, sampleAnswers } from './lib/sample-answers';

const runs = 5;
const interviewId = '01900000-0000-7000-8000-000000000300';

function seedRecord() {
  const loaded = loadFormText(readFileSync('forms/spl-cooperation/v1.json', 'utf8'));
  if (!loaded.ok) throw new Error('built-in form does not load');
  const answers = sampleAnswers(loaded.value, 21);
  const interview = restoreInterview({
    id: interviewId, respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', commune: 'Cluses', networkName: 'Mont-Blanc Industries',
    interviewDate: '2026-03-12', interviewer: 'Camille Roux', createdAt: '2026-03-12T09:00:00.000Z', updatedAt: '2026-03-12T09:00:00.000Z',
    formId: 'spl-cooperation', formVersion: 1, status: 'draft', answers, territory: 'Vallée de l’Arve', lastPath: '',
  });
  if (!interview) throw new Error('seed interview invalid');
  const registers = stampChanges({}, null, interview, formatHlc({ wall: Date.parse('2026-03-12T09:00:00Z'), counter: 0, device: 'd-bench' }));
  const { answers: _a, ...summary } = interview;
  return { summary, data: { id: interviewId, answers, registers }, count: countAnswers(answers) };
}

async function seed(page: Page, record: ReturnType<typeof seedRecord>): Promise<void> {
  await page.evaluate(async ({ summary, data }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('maillage');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(new Error('open failed')); };
    });
    const tx = db.transaction(['interviews', 'interviewData'], 'readwrite');
    tx.objectStore('interviews').put(summary);
    tx.objectStore('interviewData').put(data);
    await new Promise<void>((resolve) => { tx.oncomplete = () => { resolve(); }; });
    db.close();
  }, { summary: record.summary, data: record.data });
}

/** From the list, as a researcher does: the app has started and idled a moment first. */
async function openOnce(page: Page, url: string): Promise<number> {
  await page.goto('about:blank');
  await page.goto(`${url}#/interviews`);
  await page.locator('section.interview-list[data-ready="true"]').waitFor();
  await page.waitForTimeout(1000);
  const start = await page.evaluate((id) => {
    performance.clearMarks('maillage:fill-ready');
    const t0 = performance.now();
    window.location.hash = `#/interviews/${id}/fill/a_interview`;
    return t0;
  }, interviewId);
  await page.waitForFunction(() => performance.getEntriesByName('maillage:fill-ready').length > 0);
  return page.evaluate((t0) => (performance.getEntriesByName('maillage:fill-ready')[0]?.startTime ?? Number.NaN) - t0, start);
}

export async function runFillBench(): Promise<Metric[]> {
  const record = seedRecord();
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(server.url);
    await page.locator('section.interview-list[data-ready="true"]').waitFor();
    await seed(page, record);

    const open: number[] = [];
    for (let i = 0; i < runs; i++) open.push(await openOnce(page, server.url));

    await page.goto(`${server.url}#/interviews/${interviewId}/fill/n_open`);
    await page.waitForFunction(() => performance.getEntriesByName('maillage:fill-ready').length > 0);
    const textarea = page.locator('textarea').first();
    await textarea.click();
    await textarea.press('End');
    await page.evaluate(() => { performance.clearMeasures('maillage:answer-commit'); });
    await page.keyboard.type(' Et puis nous avons continué, pour le plaisir de travailler ensemble.', { delay: 40 });
    await page.waitForTimeout(500);
    const commits = await page.evaluate(() => performance.getEntriesByName('maillage:answer-commit').map((e) => e.duration));
    await context.close();
    return [
      { id: 'open-300', label: `open an interview with ${record.count} answers, to interactive (Chromium)`, unit: 'ms', budget: 100, samples: open },
      { id: 'keystroke-commit', label: 'keystroke to committed IndexedDB write in a long text (Chromium)', unit: 'ms', budget: 50, p95Budget: 50, samples: commits },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
