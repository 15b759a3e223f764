/**
 * "Writing the sync bundle never freezes typing": with 10,000 interviews and their answers in
 * the app, the longest the main thread is blocked while this computer's sync bundle is written
 * (read from IndexedDB, zipped, handed to the folder). Real Chromium, real IndexedDB, the real
 * bundle worker; the shared folder is an in-page stand-in for File System Access.
 *
 * Measured two ways during each write, the larger counting: the longest 'longtask' entry, and a
 * probe that notes the longest gap between two timer callbacks (which also catches a block a
 * long-task entry would split or miss). Budget: 50 ms.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { formatHlc } from '../core/exchange/hlc';
import { stampChanges } from '../core/exchange/interview-sync';
import { loadFormText } from '../core/forms/load';
import { restoreInterview } from '../core/records/interview-restore';
import { launchBrowser } from '../test/helpers/browser';
import { startPreview } from '../test/helpers/preview-server';
import type { Metric } from './lib/results';
import { sampleAnswers } from './lib/sample-answers';

const runs = 5;
const interviewCount = 10_000;

/** One interview with a full set of answers and their merge registers, as the app stores it. */
function template() {
  const loaded = loadFormText(readFileSync('forms/spl-cooperation/v1.json', 'utf8'));
  if (!loaded.ok) throw new Error('built-in form does not load');
  const answers = sampleAnswers(loaded.value, 1);
  const interview = restoreInterview({
    id: '01900000-0000-7000-8000-000000000000', respondentName: 'Personne', firmName: 'Entreprise', commune: 'Cluses', networkName: 'Mont-Blanc Industries',
    interviewDate: '2026-03-12', interviewer: 'Camille Roux', createdAt: '2026-03-12T09:00:00.000Z', updatedAt: '2026-03-12T09:00:00.000Z',
    formId: 'spl-cooperation', formVersion: 1, status: 'draft', answers, territory: 'Vallée de l’Arve', lastPath: '',
  });
  if (!interview) throw new Error('seed interview invalid');
  const registers = stampChanges({}, null, interview, formatHlc({ wall: Date.parse('2026-03-12T09:00:00Z'), counter: 0, device: 'd-bench' }));
  const { answers: _answers, ...summary } = interview;
  return { summary, answers, registers };
}

/** Writes `count` copies of the template, each its own interview, straight into IndexedDB. */
async function seed(page: Page, count: number): Promise<void> {
  await page.evaluate(async ({ n, record }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('maillage');
      request.onsuccess = () => { resolve(request.result); };
      request.onerror = () => { reject(new Error('open failed')); };
    });
    for (let start = 0; start < n; start += 1000) {
      const tx = db.transaction(['interviews', 'interviewData'], 'readwrite');
      for (let i = start; i < Math.min(n, start + 1000); i++) {
        const id = `0190${String(i).padStart(8, '0')}-0000-7000-8000-000000000000`;
        tx.objectStore('interviews').put({ ...record.summary, id, respondentName: `Personne ${i}`, firmName: `Entreprise ${i}` });
        tx.objectStore('interviewData').put({ id, answers: record.answers, registers: record.registers });
      }
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => { resolve(); };
        tx.onerror = () => { reject(new Error('seed failed')); };
      });
    }
    db.close();
  }, { n: count, record: template() });
}

/** In-page stand-in for Chromium's directory picker: the folder's files stay in memory. */
function installMemoryFolder(): void {
  const files = new Map<string, { bytes: Uint8Array; lastModified: number }>();
  const entry = (name: string) => ({
    kind: 'file',
    name,
    getFile: () => {
      const file = files.get(name) ?? { bytes: new Uint8Array(0), lastModified: 0 };
      return Promise.resolve({ name, size: file.bytes.length, lastModified: file.lastModified, arrayBuffer: () => Promise.resolve(file.bytes.slice().buffer) });
    },
    createWritable: () => {
      let written: Uint8Array = new Uint8Array(0);
      return Promise.resolve({
        write: (data: Uint8Array) => { written = data; return Promise.resolve(); },
        close: () => { files.set(name, { bytes: written, lastModified: Date.now() }); return Promise.resolve(); },
        abort: () => Promise.resolve(),
      });
    },
  });
  const directory = {
    kind: 'directory',
    name: 'Bench',
    queryPermission: () => Promise.resolve('granted'),
    requestPermission: () => Promise.resolve('granted'),
    getFileHandle: (name: string) => Promise.resolve(entry(name)),
    values: () => ({
      [Symbol.asyncIterator]: () => {
        const names = [...files.keys()];
        return { next: () => Promise.resolve(names.length > 0 ? { done: false, value: entry(names.shift() ?? '') } : { done: true, value: undefined }) };
      },
    }),
  };
  Object.defineProperty(window, 'showDirectoryPicker', { configurable: true, value: () => Promise.resolve(directory) });
  (window as unknown as { benchFolderSize: () => number }).benchFolderSize = () => [...files.values()].reduce((sum, f) => sum + f.bytes.length, 0);
  (window as unknown as { benchFolderFile: () => Uint8Array | undefined }).benchFolderFile = () => [...files.values()][0]?.bytes;
}

/** Starts the block probes; `stop` returns the longest block seen (ms). */
async function startProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const probe = { longest: 0, longTask: 0, running: true };
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      probe.longest = Math.max(probe.longest, now - last);
      last = now;
      if (probe.running) setTimeout(tick, 0);
    };
    setTimeout(tick, 0);
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) probe.longTask = Math.max(probe.longTask, entry.duration);
    });
    observer.observe({ type: 'longtask' });
    (window as unknown as { benchProbe: { stop: () => { gap: number; longTask: number } } }).benchProbe = {
      stop: () => {
        probe.running = false;
        observer.disconnect();
        return { gap: probe.longest, longTask: probe.longTask };
      },
    };
  });
}

async function oneWrite(page: Page): Promise<{ blocked: number; totalMs: number }> {
  const before = await page.evaluate(() => performance.getEntriesByName('maillage:sync-written').length);
  await startProbe(page);
  const started = Date.now();
  await page.getByRole('button', { name: 'Synchroniser maintenant' }).click();
  await page.waitForFunction((n) => performance.getEntriesByName('maillage:sync-written').length > n, before, { timeout: 300_000 });
  const totalMs = Date.now() - started;
  const { gap, longTask } = await page.evaluate(() => (window as unknown as { benchProbe: { stop: () => { gap: number; longTask: number } } }).benchProbe.stop());
  return { blocked: Math.max(gap, longTask), totalMs };
}

/**
 * Drops a 10,000-interview bundle (this computer's sync bundle) on the import panel of another
 * computer — a fresh profile whose database is empty, so that every interview is written —
 * waits for the preview, confirms, and waits for the end: the longest block of that page's
 * main thread until the preview (the file read, checked and previewed: the bundle worker's
 * work), and after confirming (the merge, also the worker's, then the page receiving the
 * 10,000 new interviews in its list).
 */
async function oneImport(browser: Browser, url: string, bundle: Buffer): Promise<{ preview: number; apply: number; totalMs: number }> {
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
  const stop = (page: Page) => page.evaluate(() => {
    const { gap, longTask } = (window as unknown as { benchProbe: { stop: () => { gap: number; longTask: number } } }).benchProbe.stop();
    return Math.max(gap, longTask);
  });
  try {
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    // The file comes as a download would, so that handing it to the page costs the page nothing measurable.
    await context.route('**/bench-bundle.maillage', (route) => route.fulfill({ body: bundle, contentType: 'application/octet-stream' }));
    const page = await context.newPage();
    await page.goto(`${url}#/exchange`);
    await page.locator('.drop-zone').waitFor();
    await page.evaluate(async () => {
      const blob = await (await fetch('/bench-bundle.maillage')).blob();
      (window as unknown as { benchFile: File }).benchFile = new File([blob], 'laptop-a.maillage');
    });
    await startProbe(page);
    const started = Date.now();
    await page.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add((window as unknown as { benchFile: File }).benchFile);
      document.querySelector('.drop-zone')?.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    const confirm = page.getByRole('button', { name: 'Importer', exact: true });
    await confirm.waitFor({ timeout: 300_000 });
    const preview = await stop(page);
    await startProbe(page);
    await confirm.click();
    await page.getByRole('status').filter({ hasText: 'Import terminé' }).waitFor({ timeout: 300_000 });
    const totalMs = Date.now() - started;
    return { preview, apply: await stop(page), totalMs };
  } finally {
    await context.close();
  }
}

export async function runSyncBench(): Promise<Metric[]> {
  const server = await startPreview();
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 800 } });
    // tsx names inner functions with an `__name` helper that functions sent to the page lack.
    await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
    await context.addInitScript(installMemoryFolder);
    const page = await context.newPage();
    const workers: string[] = [];
    page.on('worker', (worker) => { workers.push(worker.url()); });
    await page.goto(server.url);
    await page.locator('section.interview-list[data-ready="true"]').waitFor();
    await seed(page, interviewCount);
    await page.goto('about:blank');
    await page.goto(`${server.url}#/exchange`);
    await page.getByRole('button', { name: 'Choisir le dossier partagé…' }).click();
    // Choosing the folder writes a first bundle; the runs measure the writes after it.
    await page.waitForFunction(() => performance.getEntriesByName('maillage:sync-written').length > 0, undefined, { timeout: 300_000 });
    if (!workers.some((url) => url.includes('bundle-worker'))) throw new Error('the bundle worker did not start');

    const blocked: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await oneWrite(page);
      blocked.push(run.blocked);
      const megabytes = (await page.evaluate(() => (window as unknown as { benchFolderSize: () => number }).benchFolderSize())) / 1_048_576;
      console.log(`sync · write ${i + 1}: ${(run.totalMs / 1000).toFixed(1)} s click to written, bundle ${megabytes.toFixed(1)} MB, longest block ${run.blocked.toFixed(1)} ms`);
    }
    const bundle = Buffer.from(await page.evaluate(() => {
      const bytes = (window as unknown as { benchFolderFile: () => Uint8Array | undefined }).benchFolderFile() ?? new Uint8Array(0);
      let text = '';
      for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(text);
    }), 'base64');
    await context.close();
    const previewBlocked: number[] = [];
    const applyBlocked: number[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await oneImport(browser, server.url, bundle);
      previewBlocked.push(run.preview);
      applyBlocked.push(run.apply);
      console.log(`sync · import ${i + 1}: ${(run.totalMs / 1000).toFixed(1)} s drop to imported, longest block ${run.preview.toFixed(1)} ms until the preview, ${run.apply.toFixed(1)} ms after confirming`);
    }
    return [
      { id: 'sync-write-block', label: 'longest main-thread block while the sync bundle is written, 10,000 interviews with answers (Chromium)', unit: 'ms', budget: 50, samples: blocked },
      { id: 'import-file-preview-block', label: 'longest main-thread block while a dropped 10,000-interview bundle is read, checked and previewed (Chromium)', unit: 'ms', budget: 50, samples: previewBlocked },
      { id: 'import-file-apply-block', label: 'longest main-thread block from confirming that import into an empty database to its end, the list of 10,000 new interviews refreshed (Chromium)', unit: 'ms', budget: null, samples: applyBlocked },
    ];
  } finally {
    await browser.close();
    await server.close();
  }
}
