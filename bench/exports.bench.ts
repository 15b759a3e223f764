/**
 * Issue "Analysis exports" figure: `maillage export <bundle> --format csv` on 10,000 interviews of
 * the demo fieldwork, timed as a coordinator runs it — the built CLI as a child process, from
 * start to exit — with the child's peak resident memory.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBundle } from '../core/exchange/bundle/write-bundle';
import { makeDemoDataset } from '../core/exchange/demo/make-demo-dataset';
import { loadFormText } from '../core/forms/load';
import type { Metric } from './lib/results';
import { benchChildEnv } from './lib/child-env';

const interviews = 10_000;
const runs = 5;
const time = new Date('2026-06-01T00:00:00.000Z');

function demoBundle(path: string): void {
  const form = loadFormText(readFileSync('forms/spl-cooperation/v1.json', 'utf8'));
  if (!form.ok) throw new Error('built-in form does not load');
  const dataset = makeDemoDataset({ interviews, seed: 2026, form: form.value, device: 'd-bench', startTime: new Date('2026-01-05T00:00:00.000Z') });
  writeFileSync(path, writeBundle(dataset, { device: { id: 'd-bench', name: 'bench' }, researcher: 'bench', time }));
}

interface Run {
  readonly ms: number;
  readonly peakKb: number;
}

function exportOnce(dir: string, bundle: string, index: number): Run {
  const out = join(dir, `out-${index}`);
  const peakFile = join(dir, `peak-${index}.txt`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', './bench/lib/peak-memory.mjs', 'bin/maillage.mjs', 'export', bundle, '--format', 'csv', '-o', out], {
    encoding: 'utf8',
    env: benchChildEnv({ LC_ALL: 'C', MAILLAGE_PSEUDONYM_SECRET: 'a benchmark secret, not a real one', MAILLAGE_BENCH_PEAK_FILE: peakFile }),
    maxBuffer: 16 * 1024 * 1024,
  });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`maillage export failed (${String(result.status)}): ${result.stderr}`);
  if (!result.stdout.includes(`(${interviews} rows)`)) throw new Error(`unexpected export: ${result.stdout}`);
  const peakKb = Number(readFileSync(peakFile, 'utf8'));
  rmSync(out, { recursive: true, force: true });
  return { ms, peakKb };
}

export function runExportsBench(): Promise<Metric[]> {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'pipe' });
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-exports-'));
  try {
    const bundle = join(dir, 'demo-10k.maillage');
    demoBundle(bundle);
    const results = Array.from({ length: runs }, (_, i) => exportOnce(dir, bundle, i));
    return Promise.resolve([
      { id: 'export-csv-10k', label: 'maillage export --format csv, 10,000 demo interviews, start to exit (child process)', unit: 'ms', budget: 2000, samples: results.map((r) => r.ms) },
      { id: 'export-csv-10k-memory', label: 'maillage export --format csv, 10,000 demo interviews, peak memory (RSS)', unit: 'KB', budget: 2 * 1024 * 1024, samples: results.map((r) => r.peakKb) },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
