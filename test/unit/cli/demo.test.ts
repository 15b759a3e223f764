import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { runCli } from '../../helpers/cli-io';
import { bytesOf, tempDir } from '../../helpers/cli-files';

const epoch = { SOURCE_DATE_EPOCH: '1700000000' };

describe('maillage demo', () => {
  it('writes a bundle of demo interviews that validates, the same bytes for the same seed', async () => {
    const dir = tempDir();
    const [one, two, other] = ['one', 'two', 'other'].map((name) => join(dir, `${name}.maillage`)) as [string, string, string];
    const first = await runCli(['demo', '--interviews', '25', '--seed', '7', '-o', one], epoch);
    expect(first).toEqual({ code: 0, stdout: `${one}: demo bundle written, 25 interviews (seed 7, device demo).\n`, stderr: '' });
    expect((await runCli(['demo', '--interviews', '25', '--seed', '7', '-o', two], epoch)).code).toBe(0);
    expect(bytesOf(one).equals(bytesOf(two))).toBe(true);
    await runCli(['demo', '--interviews', '25', '--seed', '8', '-o', other], epoch);
    expect(bytesOf(one).equals(bytesOf(other))).toBe(false);
    const validated = await runCli(['validate', one]);
    expect(validated.stdout).toBe(`${one}: ok — 25 interviews, 0 tombstones, 0 forms, format 1.0, exported by Nadia Benali on 2023-11-14 22:13 UTC, device maillage demo — Nadia Benali (demo)\n`);
  });

  it('dates a demo made without SOURCE_DATE_EPOCH before now, so that it validates', async () => {
    const file = join(tempDir(), 'now.maillage');
    expect((await runCli(['demo', '--interviews', '5', '-o', file, '--lang', 'fr'])).stdout).toContain('lot de démonstration écrit, 5 entretiens (graine 1, appareil demo)');
    expect((await runCli(['validate', file])).code).toBe(0);
  });

  it('edits a bundle as a second researcher; merged with the original, the edits win without conflict', async () => {
    const dir = tempDir();
    const [original, edited, merged] = ['original', 'edited', 'merged'].map((name) => join(dir, `${name}.maillage`)) as [string, string, string];
    await runCli(['demo', '--interviews', '40', '--seed', '3', '-o', original]);
    const edit = await runCli(['demo', '--edit-of', original, '--device', 'laptop-b', '--rate', '0.5', '--add', '4', '--seed', '9', '-o', edited]);
    expect(edit.code).toBe(0);
    expect(edit.stdout).toMatch(new RegExp(`^${edited}: ${original} edited on device laptop-b \\(seed 9\\): \\d+ changed, 2 deleted, 4 added; 42 interviews in all\\.\\n$`));
    const read = readBundle(bytesOf(edited), new Date());
    expect(read.ok && read.value.manifest.device.id).toBe('laptop-b');
    const result = await runCli(['merge', original, edited, '-o', merged]);
    expect(result.stdout).toContain('0 with a new conflict, 2 deleted');
    expect(result.stdout).toContain('42 interviews, 2 tombstones, 0 forms; interviews in conflict: 0.');
  });

  it('names a bundle to edit that cannot be read (exit 1)', async () => {
    const missing = join(tempDir(), 'missing.maillage');
    const { code, stderr } = await runCli(['demo', '--edit-of', missing, '-o', join(tempDir(), 'x.maillage')]);
    expect(code).toBe(1);
    expect(stderr).toBe(`maillage: ${missing}: no such file.\n`);
  });

  it.each([
    [['--interviews', '0'], '--interviews must be a whole number from 1 to 100000 (found "0")', '--interviews doit être un nombre entier de 1 à 100000 (trouvé «\u00a00\u00a0»)'],
    [['--interviews', '100001'], 'found "100001"', 'trouvé «\u00a0100001\u00a0»'],
    [['--interviews', '12.5'], 'found "12.5"', '--interviews doit'],
    [['--seed', 'abc'], '--seed must be a whole number from 0 to 4294967295', '--seed doit'],
    [['--device', 'Laptop B'], '--device must be 1 to 40 lower-case letters, digits or hyphens', '--device doit compter'],
    [['--rate', '0.1'], '--rate only applies with --edit-of <bundle>', '--rate ne s’emploie qu’avec --edit-of'],
    [['--edit-of', 'a.maillage', '--rate', '1.5'], '--rate must be a number from 0 to 1, such as 0.05 (found "1.5")', '--rate doit être un nombre de 0 à 1'],
    [['--edit-of', 'a.maillage', '--add', '-3'], 'option "--add" needs a value', 'l’option «\u00a0--add\u00a0» attend une valeur'],
    [['--edit-of', 'a.maillage', '--interviews', '5'], '--interviews does not apply with --edit-of; use --add', '--interviews ne s’emploie pas avec --edit-of'],
    [['extra'], 'unexpected argument "extra"', 'argument inattendu'],
  ])('refuses %j with exit 2, in English and French', async (options, english, french) => {
    const output = join(tempDir(), 'never.maillage');
    const en = await runCli(['demo', ...options, '-o', output]);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(english);
    const fr = await runCli(['demo', ...options, '-o', output, '--lang', 'fr']);
    expect(fr.stderr).toContain(french);
  });

  it('needs -o', async () => {
    const { code, stderr } = await runCli(['demo', '--interviews', '3']);
    expect(code).toBe(2);
    expect(stderr).toContain('demo needs -o <file.maillage>');
  });
});
