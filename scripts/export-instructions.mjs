// `npm run bench:instructions`: `maillage export --format csv` of 10,000 demo interviews, counted
// in machine instructions under valgrind rather than timed. On a shared machine the time of the
// same export moves by half from one minute to the next; its instruction count moves by about one
// percent, so that a change to the export can be judged on a busy machine. The export runs on one
// core (pinned with taskset: it then reads in one thread) and V8 compiles on that thread
// (--single-threaded): with two threads, the count moved by more than 10 % between runs, with how
// the threads happened to share the lines. Needs valgrind (Debian: `apt-get install -y valgrind`)
// and taskset (util-linux); not part of `npm test` nor of `npm run bench`. Under valgrind, OpenSSL
// hashes without the processor's SHA instructions, so the checksum of the interview entry counts
// for about 2.2 G instructions more than it costs outside.
//
// Usage: node scripts/export-instructions.mjs [--runs N]   (the median of N runs, 1 by default)
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' } } });
const runs = Math.max(1, Number(values.runs) || 1);

if (spawnSync('valgrind', ['--version'], { encoding: 'utf8' }).status !== 0) {
  console.error('valgrind is not installed (Debian: apt-get install -y valgrind).');
  process.exit(1);
}

execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { stdio: 'inherit' });
const cli = join(root, 'bin/maillage.mjs');
const dir = mkdtempSync(join(tmpdir(), 'maillage-instructions-'));
const env = { ...process.env, LC_ALL: 'C', MAILLAGE_PSEUDONYM_SECRET: 'a benchmark secret, not a real one' };
// As in the bench (bench/lib/child-env.ts): Node's reading of these certificates at start is not the export's.
delete env.NODE_EXTRA_CA_CERTS;
try {
  const bundle = join(dir, 'demo-10k.maillage');
  // The same demo fieldwork as the exports bench (10,000 interviews, seed 2026).
  execFileSync(process.execPath, [cli, 'demo', '--interviews', '10000', '--seed', '2026', '-o', bundle], { env, stdio: 'pipe' });
  const counts = [];
  for (let run = 0; run < runs; run++) {
    const out = join(dir, `out-${run}`);
    const command = ['-c', '0', 'valgrind', '--tool=cachegrind', '--cache-sim=no', '--cachegrind-out-file=/dev/null', process.execPath, '--single-threaded', cli, 'export', bundle, '--format', 'csv', '-o', out];
    const result = spawnSync('taskset', command, {
      encoding: 'utf8',
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    const refs = /I\s+refs:\s+([\d,]+)/.exec(result.stderr);
    if (result.status !== 0 || !refs?.[1]) throw new Error(`the export under valgrind failed (${String(result.status)}):\n${result.stderr.slice(-2000)}`);
    counts.push(Number(refs[1].replaceAll(',', '')));
    rmSync(out, { recursive: true, force: true });
  }
  counts.sort((a, b) => a - b);
  const median = counts[(counts.length - 1) >> 1] ?? 0;
  console.log(`maillage export --format csv, 10,000 demo interviews, on one core: ${(median / 1e9).toFixed(2)} G instructions (median of ${String(runs)})`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
