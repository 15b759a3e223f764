/**
 * Issue "Sharing the work" figures for coordinators: `maillage merge` of two bundles of 10,000
 * interviews each that share half their interviews (the second researcher edited 5 % of the
 * shared ones, deleted a few and added 5,000 of their own), run as a child process the way a
 * coordinator runs it, and the peak memory it reports.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '../core/exchange/bundle/dataset';
import { readBundle } from '../core/exchange/bundle/read-bundle';
import type { InterviewRecord } from '../core/exchange/bundle/schema';
import { writeBundle } from '../core/exchange/bundle/write-bundle';
import { editDataset } from '../core/exchange/demo/edit-dataset';
import { nodeSha256 } from '../cli/bundles/node-sha256';
import { loadFixtureForm } from '../test/helpers/forms';
import type { Metric } from './lib/results';
import { benchChildEnv } from './lib/child-env';

const runs = 5;
const size = 10_000;
/** Fixed times, so the bench's bundles are the same on every run (and never from the future). */
const epoch = 1_767_225_600; // 2026-01-01T00:00:00Z
const env = benchChildEnv({ SOURCE_DATE_EPOCH: String(epoch) });

function cli(args: readonly string[]): { ms: number; stdout: string } {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['bin/maillage.mjs', ...args, '--lang', 'en'], { env, encoding: 'utf8', maxBuffer: 1 << 24 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`maillage ${args.join(' ')} failed (${String(result.status)}):\n${result.stdout}${result.stderr}`);
  return { ms, stdout: result.stdout };
}

/** Half of A's interviews (every other id), as a second researcher would have received them. */
function half(dataset: Dataset): Dataset {
  const ids = [...dataset.interviews.keys()].sort().filter((_, i) => i % 2 === 0);
  const interviews = new Map<string, InterviewRecord>();
  for (const id of ids) {
    const record = dataset.interviews.get(id);
    if (record) interviews.set(id, record);
  }
  return { ...dataset, interviews };
}

function secondBundle(a: string, b: string): void {
  const read = readBundle(readFileSync(a), new Date(), { sha256: nodeSha256 });
  if (!read.ok) throw new Error(`bench bundle A does not read: ${read.error.code}`);
  const shared = half(read.value.dataset);
  const deletions = Math.round((0.05 * shared.interviews.size) / 10);
  const form = loadFixtureForm('forms/spl-cooperation/v1.json');
  const edit = editDataset(shared, {
    device: 'laptop-b', rate: 0.05, seed: 2, form, add: size - shared.interviews.size + deletions,
    startTime: new Date((epoch - 12 * 86_400) * 1000),
  });
  writeFileSync(b, writeBundle(edit.dataset, { device: { id: 'laptop-b', name: 'bench' }, researcher: edit.researcher, time: new Date(epoch * 1000) }, { sha256: nodeSha256 }));
}

export function runCliBench(): Metric[] {
  const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build:cli failed');
  const dir = mkdtempSync(join(tmpdir(), 'maillage-bench-'));
  try {
    const [a, b, out] = ['a', 'b', 'merged'].map((name) => join(dir, `${name}.maillage`)) as [string, string, string];
    console.log(`cli · writing two bundles of ${size} interviews in ${dir}…`);
    cli(['demo', '--interviews', String(size), '--seed', '1', '-o', a]);
    secondBundle(a, b);
    const times: number[] = [];
    const memory: number[] = [];
    let report = '';
    for (let run = 0; run < runs; run++) {
      const { ms, stdout } = cli(['merge', a, b, '-o', out]);
      times.push(ms);
      memory.push(Number(/Peak memory: (\d+) MB/.exec(stdout)?.[1] ?? Number.NaN));
      report = stdout;
      console.log(`cli · merge run ${run + 1}/${runs}: ${Math.round(ms)} ms`);
    }
    process.stdout.write(report);
    const what = 'maillage merge of two 10,000-interview bundles sharing half (child process)';
    return [
      { id: 'merge-2x10k', label: what, unit: 'ms', budget: 3000, samples: times },
      // The issue names no memory budget: half of a coordinator's 8 GB laptop.
      { id: 'merge-2x10k-memory', label: `peak memory (RSS) of ${what}`, unit: 'MB', budget: 4096, samples: memory },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
