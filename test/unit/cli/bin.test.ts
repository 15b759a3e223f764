/**
 * The real command: bin/maillage.mjs loading the bundle that scripts/build-cli.mjs writes. The
 * bundle is built once, and only when it is missing or older than the sources it is made of.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strFromU8, strToU8 } from 'fflate';
import { csvPartsHere, csvPartsInWorkers, readCsvInParts, type CsvPartReader } from '../../../cli/exports/csv-in-parts';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { csvExportFromParts } from '../../../core/exports/csv-parts';
import { origin } from '../../helpers/bundles';
import { neutralEnv, runCli } from '../../helpers/cli-io';
import { builtInForm } from '../../helpers/exports';

const root = resolve(import.meta.dirname, '../../..');
const bin = join(root, 'bin/maillage.mjs');
const bundle = join(root, 'dist/cli/maillage.mjs');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

function newestSource(): number {
  const files = ['cli', 'core'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(root, dir, file)),
  );
  files.push(join(root, 'scripts/build-cli.mjs'), join(root, 'package.json'));
  return Math.max(...files.map((file) => statSync(file).mtimeMs));
}

function maillage(args: readonly string[], env: Readonly<Record<string, string>> = {}, script = bin) {
  const result = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...neutralEnv, ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (existsSync(bundle) && statSync(bundle).mtimeMs >= newestSource()) return;
  execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, stdio: 'pipe', timeout: 120_000 });
}, 150_000);

describe('bin/maillage.mjs', () => {
  it('prints the version and exits 0', () => {
    expect(maillage(['--version'])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('prints the French help with --help --lang fr and exits 0', () => {
    const { code, stdout, stderr } = maillage(['--help', '--lang', 'fr']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain(`Maillage ${version} — ligne de commande pour les coordinateurs`);
    expect(stdout).toContain('Utilisation\u00a0: maillage <commande> [options]');
  });

  it('merges in worker threads as it does in one thread: the same bytes, and a bad input still named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-bin-merge-'));
    try {
      const env = { SOURCE_DATE_EPOCH: '1700000000' };
      const [a, b, broken, viaWorkers] = ['a', 'b', 'broken', 'merged'].map((name) => join(dir, `${name}.maillage`)) as [string, string, string, string];
      expect(maillage(['demo', '--interviews', '40', '--seed', '3', '-o', a], env).code).toBe(0);
      expect(maillage(['demo', '--edit-of', a, '--device', 'laptop-b', '--rate', '0.5', '--seed', '4', '-o', b], env).code).toBe(0);
      const merged = maillage(['merge', a, b, '-o', viaWorkers, '--lang', 'en'], env);
      expect(merged.stderr).toBe('');
      expect(merged.stdout).toMatch(/: \d+ new, \d+ updated, \d+ unchanged/);
      const inThread = join(dir, 'in-thread.maillage');
      // The CLI called as a function reads its bundles in this thread.
      expect((await runCli(['merge', b, a, '-o', inThread, '--lang', 'en'], env)).code).toBe(0);
      expect(readFileSync(viaWorkers).equals(readFileSync(inThread))).toBe(true);
      writeFileSync(broken, readFileSync(a).subarray(0, 300));
      const refused = maillage(['merge', a, broken, '-o', join(dir, 'never.maillage'), '--lang', 'en']);
      expect(refused.code).toBe(1);
      expect(refused.stdout).toContain(broken);
      expect(existsSync(join(dir, 'never.maillage'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports CSV with a worker thread as it does in one thread: the same bytes, and a bad input still named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-bin-export-'));
    /** Each file's name and bytes, as text (comparing strings is fast, and readable when they differ). */
    const files = (out: string) => readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name)).toString('latin1')]);
    try {
      const env = { SOURCE_DATE_EPOCH: '1700000000', MAILLAGE_PSEUDONYM_SECRET: 'a test secret, long enough' };
      const demo = join(dir, 'demo.maillage');
      expect(maillage(['demo', '--interviews', '300', '--seed', '5', '-o', demo], env).code).toBe(0);
      for (const options of [[], ['--labels', 'fr', '--bom']]) {
        const [viaWorker, inThread] = [join(dir, 'worker'), join(dir, 'thread')];
        const exported = maillage(['export', demo, '--format', 'csv', '-o', viaWorker, '--lang', 'en', ...options], env);
        expect(exported.stderr).toBe('');
        expect(exported.code).toBe(0);
        expect(exported.stdout).toContain(`Exported 300 interviews from ${demo}`);
        // The CLI called as a function reads the whole bundle in this thread.
        const here = await runCli(['export', demo, '--format', 'csv', '-o', inThread, '--lang', 'en', ...options], env);
        expect(here.code).toBe(0);
        expect(exported.stdout.replaceAll(viaWorker, inThread)).toBe(here.stdout);
        const written = files(viaWorker);
        expect(written.map(([name]) => name)).toContain('spl-cooperation-v1__l_ties.csv');
        expect(written).toEqual(files(inThread));
        rmSync(viaWorker, { recursive: true });
        rmSync(inThread, { recursive: true });
      }
      const truncated = join(dir, 'truncated.maillage');
      writeFileSync(truncated, readFileSync(demo).subarray(0, 4000));
      const refused = maillage(['export', truncated, '--format', 'csv', '-o', join(dir, 'never'), '--lang', 'en'], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(truncated);
      expect(existsSync(join(dir, 'never'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads a CSV export in as many parts as there are cores, with the built file\u2019s workers', async () => {
    // Large enough (1.5 MB of interviews) that the entry is expanded in several pieces.
    const dataset = makeDemoDataset({ interviews: 200, seed: 9, form: builtInForm(), device: 'demo', startTime: new Date('2025-01-05T00:00:00.000Z') });
    const bytes = writeBundle(dataset, origin);
    const now = new Date();
    const options = { labels: 'codes', pseudonymised: true, today: '2026-11-28' } as const;
    const privacy = { mode: 'pseudonymised', secret: strToU8('a test secret, long enough') } as const;
    const exportOf = async (reader: CsvPartReader) => {
      try {
        const read = await readCsvInParts(bytes, now, reader, options);
        if (!read?.ok) throw new Error('not read in parts');
        const built = csvExportFromParts(read.value.forms, read.value.parts, { ...options, privacy });
        if (!built?.ok) throw new Error('not built');
        return { parts: read.value.parts.length, files: built.value.files.map((f) => [f.fileName, strFromU8(f.bytes)]) };
      } finally {
        reader.close();
      }
    };
    const inThread = await exportOf(csvPartsHere());
    // Two parts: the leading worker reads the entry as this thread expands it; four: two more workers read the last lines.
    for (const cores of [2, 4]) {
      const inParts = await exportOf(csvPartsInWorkers(new URL(`file://${bundle}`), () => cores)());
      expect(inParts.parts).toBe(cores);
      expect(inParts.files).toEqual(inThread.files);
    }
  });

  it('exits 2 on an unknown command', () => {
    const { code, stderr } = maillage(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "frobnicate"');
  });
});

describe('bin/maillage.mjs without a built bundle', () => {
  let copy = '';
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), 'maillage-bin-'));
    mkdirSync(join(dir, 'bin'));
    copy = join(dir, 'bin/maillage.mjs');
    copyFileSync(bin, copy);
  });
  afterAll(() => {
    rmSync(resolve(copy, '../..'), { recursive: true, force: true });
  });

  it('says in one line to run npm run build:cli, in English or French', () => {
    const english = maillage(['--version'], {}, copy);
    expect(english.code).toBe(70);
    expect(english.stdout).toBe('');
    expect(english.stderr).toBe('maillage: the command line is not built yet; run "npm run build:cli" in the project folder.\n');
    const french = maillage(['--version'], { LANG: 'fr_FR.UTF-8' }, copy);
    expect(french.stderr).toContain('npm run build:cli');
    expect(french.stderr).toContain('pas encore construite');
    expect(french.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
