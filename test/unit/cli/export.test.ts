import ExcelJS from 'exceljs';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findSecret, keepSecret } from '../../../cli/exports/secret';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import type { Interview } from '../../../core/records/interview';
import { craftBundle, datasetOf, emptyRecords, origin, stampAt } from '../../helpers/bundles';
import { runCli } from '../../helpers/cli-io';
import { aTinyInterview } from '../../helpers/exports';
import { readFixture } from '../../helpers/forms';

let dir = '';
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'maillage-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const ties = [{ id: '0190-a', answers: { tie_name: 'Bilbao Moldes', tie_foreign: 'yes', tie_country: 'Espagne' } }];
const interviews = [
  aTinyInterview('0190-0001', { firm_name: 'Moules Perrin', founded: 1987, region: 'ara', ties }, { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin' }),
  aTinyInterview('0190-0002', { firm_name: 'Verrerie Lamy', story: { text: 'Il a dit "non", puis oui; ensuite…', lang: 'fr' } }, { respondentName: 'Jean Lamy', firmName: 'Verrerie Lamy' }),
];

/** Stamps a year before the fixtures' bundle time, so that no real clock finds them in the future. */
const lastYear = stampAt(-365 * 24 * 60);

/** A bundle of tiny-form interviews that carries the tiny form, written into the test's folder. */
function bundleWith(list: readonly Interview[] = interviews, name = 'team.maillage'): string {
  const dataset = datasetOf(list, lastYear);
  const forms = new Map([['tiny@1', { key: 'tiny@1', fileName: 'tiny-v1.json', source: readFixture('test/fixtures/forms/tiny-v1.json') }]]);
  const path = join(dir, name);
  writeFileSync(path, writeBundle({ ...dataset, forms }, origin));
  return path;
}

const read = (path: string) => readFileSync(path, 'utf8');
const exportCli = (args: readonly string[], env: Record<string, string> = {}) => runCli(['export', ...args], env);

describe('maillage export --format csv', () => {
  it('writes one CSV per table and the dictionary, and says what it wrote', async () => {
    const bundle = bundleWith();
    const out = join(dir, 'out');
    const { code, stdout, stderr } = await exportCli([bundle, '-o', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['tiny-v1__dictionary.csv', 'tiny-v1__main.csv', 'tiny-v1__ties.csv']);
    expect(stdout).toContain(`Exported 2 interviews from ${bundle} (pseudonymised; values as codes):`);
    expect(stdout).toContain(`  ${join(out, 'tiny-v1__main.csv')} (2 rows)`);
    expect(stdout).toContain(`  ${join(out, 'tiny-v1__ties.csv')} (1 rows)`);
    const main = read(join(out, 'tiny-v1__main.csv'));
    expect(main.startsWith('interview_id,form_id,form_version,status,respondent_name,')).toBe(true);
    expect(main).toContain('"Il a dit ""non"", puis oui; ensuite…"');
    expect(main).not.toContain('Perrin');
    expect(main).toMatch(/\r\n0190-0001,tiny,1,complete,R-[0-9a-f]{10},heir,F-[0-9a-f]{10},/);
  });

  it('creates the secret beside the bundle on first use, then gives the same codes every time', async () => {
    const bundle = bundleWith();
    const first = await exportCli([bundle, '-o', join(dir, 'a')]);
    const secret = join(dir, '.maillage-secret');
    expect(first.stdout).toContain(`Created ${secret}: keep it with the project`);
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    const second = await exportCli([bundle, '-o', join(dir, 'b')]);
    expect(second.stdout).not.toContain('Created');
    expect(second.stdout).toContain(`Pseudonyms: stable codes from the secret in ${secret}.`);
    expect(read(join(dir, 'b/tiny-v1__main.csv'))).toBe(read(join(dir, 'a/tiny-v1__main.csv')));
  });

  it('takes the secret from MAILLAGE_PSEUDONYM_SECRET or --secret-file, and refuses a short one', async () => {
    const bundle = bundleWith();
    await exportCli([bundle, '-o', join(dir, 'file')]);
    const viaEnv = await exportCli([bundle, '-o', join(dir, 'env')], { MAILLAGE_PSEUDONYM_SECRET: 'the team’s long enough secret' });
    expect(viaEnv.stdout).toContain('from the secret in MAILLAGE_PSEUDONYM_SECRET');
    expect(read(join(dir, 'env/tiny-v1__main.csv'))).not.toBe(read(join(dir, 'file/tiny-v1__main.csv')));
    const viaOption = await exportCli([bundle, '-o', join(dir, 'opt'), '--secret-file', join(dir, 'elsewhere.key')], { MAILLAGE_PSEUDONYM_SECRET: 'ignored when a file is given' });
    expect(viaOption.code).toBe(0);
    expect(existsSync(join(dir, 'elsewhere.key'))).toBe(true);
    const short = await exportCli([bundle, '-o', join(dir, 'short')], { MAILLAGE_PSEUDONYM_SECRET: 'too short' });
    expect(short.code).toBe(1);
    expect(short.stderr).toBe('maillage: the pseudonym secret in MAILLAGE_PSEUDONYM_SECRET is too short: it needs at least 16 bytes.\n');
    expect(existsSync(join(dir, 'short'))).toBe(false);
  });

  it('writes labels instead of codes, and a byte-order mark for Excel, on request', async () => {
    const out = join(dir, 'fr');
    expect((await exportCli([bundleWith(), '-o', out, '--labels', 'fr', '--bom'])).code).toBe(0);
    const bytes = readFileSync(join(out, 'tiny-v1__main.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('Terminé');
    expect(bytes.toString('utf8')).toContain('Auvergne-Rhône-Alpes');
  });

  it('logs every export beside the bundle', async () => {
    const bundle = bundleWith();
    await exportCli([bundle, '-o', join(dir, 'out')], { USER: 'nadia' });
    const [line] = read(join(dir, 'maillage-export-log.txt')).trimEnd().split('\n');
    expect(line?.split('\t').slice(1)).toEqual(['pseudonymised', 'format=csv', 'labels=codes', 'interviews=2', `bundle=${bundle}`, `output=${join(dir, 'out')}`, 'user=nadia']);
  });
});

describe('maillage export --format xlsx and dictionary', () => {
  it('writes a workbook that opens with its sheets', async () => {
    const file = join(dir, 'team.xlsx');
    const { code, stdout } = await exportCli([bundleWith(), '--format', 'xlsx', '-o', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(`  ${file}\n`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['main', 'ties', 'dictionary', 'codebook']);
  });

  it('writes the dictionary alone, to a file', async () => {
    const file = join(dir, 'dictionary.csv');
    expect((await exportCli([bundleWith(), '--format', 'dictionary', '-o', file])).code).toBe(0);
    expect(read(file).split('\r\n')[0]).toBe('variable,table,label_fr,label_en,type,choices,notes_fr,notes_en');
  });

  it('refuses a file name when the export makes several files', async () => {
    const { code, stderr } = await exportCli([bundleWith(), '-o', join(dir, 'one.csv')]);
    expect(code).toBe(1);
    expect(stderr).toBe('maillage: this export makes 3 files; give -o a folder, not a file name.\n');
  });
});

describe('maillage export --identified', () => {
  it('keeps the names, warns, and logs the export first', async () => {
    const bundle = bundleWith();
    const out = join(dir, 'named');
    const { code, stdout, stderr } = await exportCli([bundle, '-o', out, '--identified']);
    expect(code).toBe(0);
    expect(stderr).toContain('maillage: warning: identified export: the names of people and firms');
    expect(stdout).toContain('(IDENTIFIED; values as codes)');
    expect(stdout).toMatch(new RegExp(`Logged in ${join(dir, 'maillage-export-log.txt')}: \\S+ identified format=csv`));
    expect(read(join(out, 'tiny-v1__main.csv'))).toContain('Élodie Perrin');
    expect(existsSync(join(dir, '.maillage-secret'))).toBe(false);
  });
});

describe('maillage export on what it cannot use', () => {
  it.each([
    [[], 'maillage: export needs the path of a bundle (.maillage). Run maillage help export.'],
    [['team.maillage'], 'maillage: export needs -o <folder or file>: where to write the files. Run maillage help export.'],
    [['team.maillage', '-o', 'out', '--format', 'pdf'], 'maillage: unknown export format "pdf". Use --format csv, xlsx or dictionary.'],
    [['team.maillage', '-o', 'out', '--labels', 'de'], 'maillage: unknown value "de" for --labels. Use codes, fr or en.'],
    [['a.maillage', 'b.maillage', '-o', 'out'], 'maillage: unexpected argument "b.maillage". Run maillage --help for the usage.'],
  ])('exits 2 on the usage error %j', async (args, message) => {
    expect(await exportCli(args)).toEqual({ code: 2, stdout: '', stderr: `${message}\n` });
  });

  it('exits 1 on a missing file or a file that is not a bundle, in the chosen language', async () => {
    const missing = join(dir, 'nope.maillage');
    expect(await exportCli([missing, '-o', dir])).toEqual({ code: 1, stdout: '', stderr: `maillage: ${missing}: no such file.\n` });
    const notZip = join(dir, 'notes.maillage');
    writeFileSync(notZip, 'just text');
    const french = await exportCli([notZip, '-o', dir, '--lang', 'fr']);
    expect(french.code).toBe(1);
    expect(french.stderr).toBe(`maillage\u00a0: ${notZip}\u00a0: ce fichier n’est pas un lot Maillage (ce n’est pas une archive zip).\n`);
  });

  it('exports what it can and exits 1 when an interview’s form is unknown', async () => {
    const bundle = bundleWith([...interviews, aTinyInterview('0190-0009', {}, { formId: 'ghost', formVersion: 3 })]);
    const { code, stdout, stderr } = await exportCli([bundle, '-o', join(dir, 'out')]);
    expect(code).toBe(1);
    expect(stderr).toBe('maillage: 1 interviews not exported: their form ghost@3 is neither built in nor in the bundle.\n');
    expect(stdout).toContain('Exported 2 interviews');
  });

  it('leaves no secret behind when the bundle is refused or empty', async () => {
    const notZip = join(dir, 'notes.maillage');
    writeFileSync(notZip, 'just text');
    expect((await exportCli([notZip, '-o', join(dir, 'out')])).code).toBe(1);
    const empty = join(dir, 'empty.maillage');
    writeFileSync(empty, craftBundle(emptyRecords));
    expect((await exportCli([empty, '-o', join(dir, 'out')])).code).toBe(0);
    expect(existsSync(join(dir, '.maillage-secret'))).toBe(false);
  });

  it('uses the secret another export wrote while it was reading, not its own', async () => {
    const path = join(dir, '.maillage-secret');
    const found = await findSecret({ secretFile: undefined, env: {}, bundlePath: join(dir, 'team.maillage') });
    expect(found.ok && found.value.source).toEqual({ kind: 'file', path, created: true });
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, 'theirs, written meanwhile and long enough\n');
    const kept = found.ok ? await keepSecret(found.value) : found;
    expect(kept.ok && new TextDecoder().decode(kept.value.bytes)).toBe('theirs, written meanwhile and long enough');
    expect(kept.ok && kept.value.source).toEqual({ kind: 'file', path, created: false });
    expect(read(path)).toBe('theirs, written meanwhile and long enough\n');
  });

  it('says so when the bundle holds no interviews', async () => {
    const empty = join(dir, 'empty.maillage');
    writeFileSync(empty, craftBundle(emptyRecords));
    expect(await exportCli([empty, '-o', join(dir, 'out')])).toEqual({ code: 0, stdout: `${empty}: no interviews to export.\n`, stderr: '' });
  });
});

describe('built-in forms', () => {
  it('are embedded in the CLI: a bundle without forms exports interviews of the built-in instrument', async () => {
    const builtIn = aTinyInterview('0190-0003', { b_consent_participate: 'yes', c_firm_name: 'Moules Perrin' }, { formId: 'spl-cooperation' });
    const path = join(dir, 'builtin.maillage');
    writeFileSync(path, writeBundle(datasetOf([builtIn], lastYear), origin));
    const { code } = await exportCli([path, '-o', join(dir, 'out')]);
    expect(code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['spl-cooperation-v1__dictionary.csv', 'spl-cooperation-v1__l_ties.csv', 'spl-cooperation-v1__main.csv']);
  });

  it('are every form file of forms/', async () => {
    const { builtInForms } = await import('../../../cli/forms/builtin-forms');
    const onDisk = readdirSync('forms').flatMap((id) => readdirSync(join('forms', id)).map((file) => `${id}@${file.replace(/^v(\d+)\.json$/, '$1')}`));
    expect([...builtInForms().keys()].sort()).toEqual(onDisk.sort());
  });
});
