/**
 * Issue "Sharing the work" figure for the app: importing a bundle of 10,000 interviews into a
 * database that already holds an overlapping 10,000 — half of them shared, and 5 % of the
 * shared ones changed on both laptops since they last exchanged — against a bare Dexie bulkPut
 * of the same records, side by side in each run. Real Chromium, real IndexedDB, the app's own
 * reader and data layer. The import counts what the machine does when a researcher imports:
 * reading and checking the file's bytes, then the merge in one transaction, committed. The
 * preview the screen shows in between (while the researcher reads it) is timed on its own.
 */
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { emptyDataset, type Dataset } from '../core/exchange/bundle/dataset';
import type { InterviewRecord } from '../core/exchange/bundle/schema';
import { writeBundle } from '../core/exchange/bundle/write-bundle';
import { editDataset } from '../core/exchange/demo/edit-dataset';
import { makeDemoDataset } from '../core/exchange/demo/make-demo-dataset';
import { nodeDeflate } from '../cli/bundles/node-codec';
import { nodeSha256 } from '../cli/bundles/node-sha256';
import { launchBrowser } from '../test/helpers/browser';
import { loadFixtureForm } from '../test/helpers/forms';
import { startPreview } from '../test/helpers/preview-server';
import type { Metric } from './lib/results';

const runs = 5;
const size = 10_000;
const origin = { device: { id: 'bench', name: 'bench' }, researcher: 'Bench', time: new Date('2026-06-01T00:00:00.000Z') };

/** The two laptops' data: local (10,000) and the bundle (10,000, half shared with local). */
function datasets(): { local: Dataset; incoming: Dataset } {
  const form = loadFixtureForm('forms/spl-cooperation/v1.json');
  const start = new Date('2026-01-05T00:00:00.000Z');
  const team = makeDemoDataset({ interviews: size, seed: 1, form, device: 'laptop-a', startTime: start });
  const ids = [...team.interviews.keys()].sort().filter((_, i) => i % 2 === 0);
  const shared: Dataset = { ...emptyDataset, interviews: new Map(ids.map((id) => [id, team.interviews.get(id) as InterviewRecord])) };
  // The same seed on both sides: both laptops revise the same answers of the same 5 % of the
  // shared interviews, without having seen each other's revision.
  const editStart = new Date('2026-04-01T00:00:00.000Z');
  const mine = editDataset(shared, { device: 'laptop-a', rate: 0.05, seed: 7, form, startTime: editStart, add: 0 }).dataset;
  const theirs = editDataset(shared, { device: 'laptop-b', rate: 0.05, seed: 7, form, startTime: editStart, add: size - ids.length + Math.round((0.05 * ids.length) / 10) });
  const local = new Map(team.interviews);
  for (const id of mine.tombstones.keys()) local.delete(id);
  for (const [id, record] of mine.interviews) local.set(id, record);
  return { local: { interviews: local, tombstones: mine.tombstones, forms: new Map() }, incoming: theirs.dataset };
}

async function pageBundle(): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, lib: { entry: 'bench/browser/import-entry.ts', formats: ['iife'], name: 'maillageImportBenchBundle' }, minify: true },
  });
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!('output' in result)) continue;
    const chunk = result.output.find((o) => o.type === 'chunk');
    if (chunk && 'code' in chunk) return chunk.code;
  }
  throw new Error('import bench bundle not built');
}

interface ImportRun {
  readMs: number;
  previewMs: number;
  applyMs: number;
  totalMs: number;
  preview: { new: number; updated: number; unchanged: number; conflicts: number; deleted: number };
  written: number;
}

type BenchApi = { prepare(a: string, b: string): Promise<void>; seed(): Promise<void>; importOnce(): Promise<ImportRun>; bareOnce(): Promise<number> };
const api = (page: Page) => page.evaluateHandle(() => (globalThis as unknown as { maillageImportBench: BenchApi }).maillageImportBench);

export async function runImportBench(): Promise<Metric[]> {
  console.log(`import · making two laptops' data (${size} interviews each, half shared)…`);
  const { local, incoming } = datasets();
  const write = (dataset: Dataset) => Buffer.from(writeBundle(dataset, origin, { sha256: nodeSha256, deflate: nodeDeflate }));
  const files = new Map([['local.maillage', write(local)], ['incoming.maillage', write(incoming)]]);
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    // A blank page of the app's origin (its IndexedDB), without the app running beside the bench.
    await page.route('**/bench/**', async (route) => {
      const name = new URL(route.request().url()).pathname.split('/').pop() ?? '';
      const body = files.get(name);
      await route.fulfill(body ? { body, contentType: 'application/octet-stream' } : { body: '<!doctype html><title>import bench</title>', contentType: 'text/html' });
    });
    await page.goto(`${server.url}bench/page.html`);
    await page.addScriptTag({ content: await pageBundle() });
    const bench = await api(page);
    await page.evaluate((b) => b.prepare('/bench/local.maillage', '/bench/incoming.maillage'), bench);
    const imports: number[] = [];
    const previews: number[] = [];
    const bares: number[] = [];
    const ratios: number[] = [];
    const withPreview: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.evaluate((b) => b.seed(), bench);
      const result = await page.evaluate((b) => b.importOnce(), bench);
      const bare = await page.evaluate((b) => b.bareOnce(), bench);
      imports.push(result.totalMs);
      previews.push(result.previewMs);
      bares.push(bare);
      ratios.push(result.totalMs / bare);
      withPreview.push((result.totalMs + result.previewMs) / bare);
      const p = result.preview;
      console.log(`import · run ${run + 1}/${runs}: import ${Math.round(result.totalMs)} ms (read ${Math.round(result.readMs)}, preview ${Math.round(result.previewMs)}, apply ${Math.round(result.applyMs)}; ${p.new} new, ${p.updated} updated, ${p.unchanged} unchanged, ${p.conflicts} with a new conflict, ${p.deleted} deleted; ${result.written} written) · bare bulkPut ${Math.round(bare)} ms`);
    }
    const what = 'importing a 10,000-interview bundle into 10,000 overlapping (Chromium)';
    return [
      { id: 'import-10k-vs-bulkput', label: `${what}, as a multiple of a bare bulkPut of the same records (reading the file and importing once confirmed)`, unit: '×', budget: 2, samples: ratios },
      // The preview the researcher waits for before confirming, counted too: the whole wait, for the record.
      { id: 'import-10k-with-preview-vs-bulkput', label: `${what}, preview included, as a multiple of the same bulkPut`, unit: '×', budget: null, samples: withPreview },
      { id: 'import-10k', label: `${what}: read and merge`, unit: 'ms', budget: null, samples: imports },
      { id: 'import-10k-preview', label: `${what}: the preview shown before confirming`, unit: 'ms', budget: null, samples: previews },
      { id: 'import-10k-bulkput', label: 'bare Dexie bulkPut of the same 10,000 records (Chromium)', unit: 'ms', budget: null, samples: bares },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
