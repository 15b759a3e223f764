/**
 * `npm run bench:compare -- <git ref> [runs]`: the CLI's CSV export of 10,000 demo interviews,
 * this working tree's build against the build of an earlier commit, run in turns after a
 * warm-up run of each (ref, then this tree, then this tree, then ref…) so that both meet the same
 * moods of a shared machine. Prints
 * each build's median wall time, CPU time (all threads) and peak memory, and the median of the
 * per-round ratios, which moves far less than either median; checks that both builds write the
 * same files. Sequential medians of one build swing by ±15 % on the reference VM: decide between
 * two builds with this, not with two `npm run bench` runs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median } from './lib/stats';
import { benchChildEnv } from './lib/child-env';

const root = resolve(import.meta.dirname, '..');
const [ref, runsArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: npm run bench:compare -- <git ref> [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 8);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`runs must be a whole number of at least 1, not ${runsArg ?? ''}`);
  process.exit(2);
}
const work = mkdtempSync(join(tmpdir(), 'maillage-compare-'));

function buildAt(label: string, checkout: string): string {
  const out = join(work, `cli-${label}`);
  execFileSync(process.execPath, [join(checkout, 'scripts/build-cli.mjs'), '--out-dir', out], { cwd: checkout, stdio: 'pipe' });
  return join(out, 'maillage.mjs');
}

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly peakKb: number;
  /** The files written, as one text (kept only until the round's other run is compared with it). */
  readonly files: string;
}

function exportOnce(cli: string, bundle: string, round: number): Run {
  const out = join(work, `out-${String(round)}`);
  const usage = join(work, `usage-${String(round)}.json`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench/lib/process-usage.mjs'), cli, 'export', bundle, '--format', 'csv', '-o', out, '--lang', 'en'], {
    encoding: 'utf8',
    env: benchChildEnv({ LC_ALL: 'C', MAILLAGE_PSEUDONYM_SECRET: 'a benchmark secret, not a real one', MAILLAGE_BENCH_USAGE_FILE: usage }),
  });
  const wall = performance.now() - start;
  if (result.status !== 0) throw new Error(`export failed (${String(result.status)}): ${result.stderr}`);
  const { cpuMs, peakKb } = JSON.parse(readFileSync(usage, 'utf8')) as { cpuMs: number; peakKb: number };
  const files = readdirSync(out).sort().map((name) => `${name}:${readFileSync(join(out, name)).toString('base64')}`).join('\n');
  rmSync(out, { recursive: true, force: true });
  return { wall, cpu: cpuMs, peakKb, files };
}

try {
  // The earlier commit, checked out beside this tree and built with this tree's packages.
  const checkout = join(work, 'ref');
  mkdirSync(checkout);
  const archive = execFileSync('git', ['-C', root, 'archive', '--format=tar', ref], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', checkout], { input: archive });
  symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
  const before = buildAt('ref', checkout);
  const after = buildAt('tree', root);
  const bundle = join(work, 'demo-10k.maillage');
  execFileSync(process.execPath, [after, 'demo', '--interviews', '10000', '--seed', '2026', '-o', bundle], { stdio: 'pipe' });

  // A warm-up run of each (files in the page cache, code on disk read once), not counted.
  exportOnce(before, bundle, -1);
  exportOnce(after, bundle, -1);
  const results: { ref: Run[]; tree: Run[] } = { ref: [], tree: [] };
  for (let round = 0; round < runs; round++) {
    // Each build goes first in every other round.
    const order = round % 2 === 0 ? (['ref', 'tree'] as const) : (['tree', 'ref'] as const);
    const ran = { ref: null as Run | null, tree: null as Run | null };
    for (const which of order) ran[which] = exportOnce(which === 'ref' ? before : after, bundle, round);
    const { ref: a, tree: b } = ran;
    if (!a || !b) throw new Error('a run is missing');
    if (a.files !== b.files) throw new Error(`round ${String(round + 1)}: the two builds wrote different files`);
    results.ref.push({ ...a, files: '' });
    results.tree.push({ ...b, files: '' });
    console.log(`round ${String(round + 1)}/${String(runs)}: ${ref} ${String(Math.round(a.wall))} ms, this tree ${String(Math.round(b.wall))} ms`);
  }
  const summary = (name: string, list: readonly Run[]) =>
    `${name}: wall ${Math.round(median(list.map((r) => r.wall)))} ms, CPU ${Math.round(median(list.map((r) => r.cpu)))} ms, peak ${Math.round(median(list.map((r) => r.peakKb)) / 1024)} MB`;
  const ratio = (pick: (r: Run) => number) => median(results.tree.map((r, i) => pick(r) / pick(results.ref[i] ?? r))).toFixed(3);
  console.log(summary(ref, results.ref));
  console.log(summary('this tree', results.tree));
  console.log(`this tree / ${ref}, median of the rounds: wall ${ratio((r) => r.wall)}, CPU ${ratio((r) => r.cpu)}, peak ${ratio((r) => r.peakKb)}; the same files in every round`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
