/**
 * Issue "Instrument" figures: re-evaluating the whole built-in instrument after one change (Node
 * and Chromium), and filtering a list of 10,000 interviews per keystroke (Chromium).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { evaluateForm } from '../core/forms/engine';
import { loadFormText } from '../core/forms/load';
import { launchBrowser } from '../test/helpers/browser';
import { startPreview } from '../test/helpers/preview-server';
import { seedInterviews } from './foundation.bench';
import { timeEvaluations } from './lib/engine-timing';
import type { Metric } from './lib/results';
import { countAnswers, sampleAnswers } from './lib/sample-answers';

const formText = readFileSync('forms/spl-cooperation/v1.json', 'utf8');
const iterations = 2000;

async function engineBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: 'bench/browser/engine-entry.ts', formats: ['iife'], name: 'maillageEngineBenchBundle' },
      minify: true,
    },
  });
  const results = Array.isArray(output) ? output : [output];
  for (const result of results) {
    if ('output' in result) {
      const chunk = result.output.find((o) => o.type === 'chunk');
      if (chunk && 'code' in chunk) return chunk.code;
    }
  }
  throw new Error('engine bundle not built');
}

/** Time from a keystroke in the search box to the filtered list being rendered. */
async function filterKeystrokes(page: Page, text: string): Promise<number[]> {
  const search = page.getByRole('searchbox');
  await search.click();
  const samples: number[] = [];
  for (const char of text) {
    const before = await page.evaluate(() => performance.getEntriesByName('maillage:list-filtered').length);
    const t0 = await page.evaluate(() => {
      const start = { value: 0 };
      document.addEventListener('keydown', () => { start.value = performance.now(); }, { once: true, capture: true });
      (window as unknown as { __keyStart: typeof start }).__keyStart = start;
      return 0;
    });
    await page.keyboard.type(char);
    await page.waitForFunction((n) => performance.getEntriesByName('maillage:list-filtered').length > n, before);
    samples.push(await page.evaluate(() => {
      const marks = performance.getEntriesByName('maillage:list-filtered');
      const last = marks[marks.length - 1]?.startTime ?? Number.NaN;
      return last - (window as unknown as { __keyStart: { value: number } }).__keyStart.value;
    }) + t0);
  }
  return samples;
}

export async function runFormsBench(): Promise<Metric[]> {
  const loaded = loadFormText(formText);
  if (!loaded.ok) throw new Error('built-in form does not load');
  const answers = sampleAnswers(loaded.value, 10);
  const nodeSamples = timeEvaluations(loaded.value, answers, iterations, evaluateForm, () => performance.now());

  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.setContent('<!doctype html><title>engine bench</title>');
    await page.addScriptTag({ content: await engineBundle() });
    const chromiumSamples = await page.evaluate(
      ({ text, given, n }) => (globalThis as unknown as { maillageEngineBench: (t: string, a: unknown, n: number) => number[] }).maillageEngineBench(text, given, n),
      { text: formText, given: answers, n: iterations },
    );

    await page.goto(server.url);
    await page.locator('section.interview-list[data-ready="true"]').waitFor();
    await seedInterviews(page, 10_000);
    await page.reload();
    await page.locator('.table-body .table-row').first().waitFor();
    const filterSamples = [...await filterKeystrokes(page, 'entreprise 12'), ...await filterKeystrokes(page, '')];
    await context.close();

    const label = `(${loaded.value.nodes.size} questions, ${countAnswers(answers)} answers)`;
    return [
      { id: 'engine-node', label: `re-evaluate the built-in instrument after one change, Node ${label}`, unit: 'ms', budget: 2, p95Budget: 5, samples: nodeSamples },
      { id: 'engine-chromium', label: `re-evaluate the built-in instrument after one change, Chromium ${label}`, unit: 'ms', budget: 2, p95Budget: 5, samples: chromiumSamples },
      { id: 'list-filter-10k', label: 'filter 10,000 interviews, keystroke to rendered list (Chromium)', unit: 'ms', budget: 100, samples: filterSamples },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
