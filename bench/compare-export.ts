/**
 * `npm run bench:compare -- <git ref> [runs]`: the CLI's CSV export of 10,000 demo interviews,
 * this working tree's build against the build of an earlier commit, run in turns (ref, then this
 * tree, then this tree, then ref…) so that both meet the same moods of a shared machine. Prints
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

const root = resolve(import.meta.dirname, '..');
const [ref, runsArg] = process.argv.slice(2);
if (!ref) {
  console.error('usage: npm run bench:compare -- <git ref> [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 8);
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
  readonly files: string;
}

function exportOnce(cli: string, bundle: string, round: number): Run {
  const out = join(work, `out-${String(round)}`);
  const usage = join(work, `usage-${String(round)}.json`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', join(root, 'bench/lib/process-usage.mjs'), cli, 'export', bundle, '--format', 'csv', '-o', out, '--lang', 'en'], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C', MAILLAGE_PSEUDONYM_SECRET: 'a benchmark secret, not a real one', MAILLAGE_BENCH_USAGE_FILE: usage },
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
  execFileSync('sh', ['-c', `git -C "${root}" archive "${ref}" | tar -x -C "${checkout}"`]);
  symlinkSync(join(root, 'node_modules'), join(checkout, 'node_modules'));
  const before = buildAt('ref', checkout);
  const after = buildAt('tree', root);
  const bundle = join(work, 'demo-10k.maillage');
  execFileSync(process.execPath, [after, 'demo', '--interviews', '10000', '--seed', '2026', '-o', bundle], { stdio: 'pipe' });

  const results: { ref: Run[]; tree: Run[] } = { ref: [], tree: [] };
  for (let round = 0; round < runs; round++) {
    // Each build goes first in every other round.
    const order = round % 2 === 0 ? (['ref', 'tree'] as const) : (['tree', 'ref'] as const);
    for (const which of order) results[which].push(exportOnce(which === 'ref' ? before : after, bundle, round));
    const [a, b] = [results.ref[round], results.tree[round]];
    if (a && b && a.files !== b.files) throw new Error(`round ${String(round + 1)}: the two builds wrote different files`);
    console.log(`round ${String(round + 1)}/${String(runs)}: ${ref} ${Math.round(a?.wall ?? 0)} ms, this tree ${Math.round(b?.wall ?? 0)} ms`);
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
