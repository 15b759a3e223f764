import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeBundleError, type BundleError } from '../../../core/exchange/bundle/errors';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { runCli } from '../../helpers/cli-io';
import { bundleTime, craftBundle, emptyRecords } from '../../helpers/bundles';
import { tempDir, writeBytes, writeInterviews } from '../../helpers/cli-files';
import { anInterview } from '../../helpers/factories';

const validate = (files: readonly string[], lang: 'fr' | 'en' = 'en') => runCli(['validate', ...files, '--lang', lang]);

/** The manifest lists the checksum of records/forms.json as written; the zip holds another text. */
function tamperedBundle(): Uint8Array {
  const good = readBundle(craftBundle(emptyRecords), bundleTime);
  if (!good.ok) throw new Error('fixture');
  const files: Record<string, Uint8Array> = { 'manifest.json': strToU8(JSON.stringify(good.value.manifest)) };
  for (const [name, text] of Object.entries({ ...emptyRecords, 'records/forms.json': '[ ]' })) files[name] = strToU8(text);
  return zipSync(files);
}

describe('maillage validate on good bundles', () => {
  it('says what each holds, who exported it, when and on which device, in English and French', async () => {
    const dir = tempDir();
    const file = writeInterviews(dir, 'camille.maillage', [anInterview(), anInterview()]);
    const en = await validate([file]);
    expect(en).toEqual({
      code: 0,
      stdout: `${file}: ok — 2 interviews, 0 tombstones, 0 forms, format 1.0, exported by Camille Roux on 2026-11-28 10:00 UTC, device Test laptop (d-test)\n`,
      stderr: '',
    });
    const fr = await validate([file], 'fr');
    expect(fr.stdout).toBe(`${file}\u00a0: valide — 2 entretiens, 0 suppression, 0 formulaire, format 1.0, exporté par Camille Roux le 2026-11-28 10:00 UTC, appareil Test laptop (d-test)\n`);
  });

  it('writes one interview in the singular', async () => {
    const file = writeInterviews(tempDir(), 'one.maillage', [anInterview()]);
    expect((await validate([file])).stdout).toContain('ok — 1 interview, 0 tombstones');
  });
});

describe('maillage validate on bundles that cannot be used: the file, then the reason, exit 1', () => {
  const cases: [string, (dir: string) => string, BundleError][] = [
    ['not a zip', (dir) => writeBytes(dir, 'notes.maillage', 'Nom;Entreprise\nPerrin;Moules\n'), { code: 'not-a-zip' }],
    ['a newer major version', (dir) => writeBytes(dir, 'v2.maillage', craftBundle(emptyRecords, { version: '2.0' })), { code: 'newer-major', found: '2.0', supported: '1.0' }],
    ['a checksum mismatch', (dir) => writeBytes(dir, 'tampered.maillage', tamperedBundle()), { code: 'checksum-mismatch', path: 'records/forms.json' }],
  ];
  it.each(cases)('%s, in English and French', async (_name, make, error) => {
    const file = make(tempDir());
    expect(await validate([file])).toEqual({ code: 1, stdout: `${file}: ${describeBundleError(error, 'en')}\n`, stderr: '' });
    expect((await validate([file], 'fr')).stdout).toBe(`${file}\u00a0: ${describeBundleError(error, 'fr')}\n`);
  });

  it('names both versions when the format is newer', async () => {
    const file = writeBytes(tempDir(), 'v3.maillage', craftBundle(emptyRecords, { version: '3.2' }));
    expect((await validate([file])).stdout).toContain('format 3.2, newer than this version of Maillage can read (1.0)');
  });

  it('puts aside a bundle whose clocks are a day ahead of this computer', async () => {
    const file = writeInterviews(tempDir(), 'future.maillage', [anInterview()], 24 * 60);
    const en = await validate([file]);
    expect(en.code).toBe(1);
    expect(en.stdout).toMatch(new RegExp(`^${file}: this bundle carries dates 14(39|40) minutes in the future`));
    expect((await validate([file], 'fr')).stdout).toContain('minutes dans le futur');
  });

  it('accepts clocks a minute ahead (within the five minutes allowed)', async () => {
    expect((await validate([writeInterviews(tempDir(), 'close.maillage', [anInterview()], 1)])).code).toBe(0);
  });

  it('draws the line at five minutes of drift: four and a half accepted, six put aside', async () => {
    expect((await validate([writeInterviews(tempDir(), 'edge.maillage', [anInterview()], 4.5)])).code).toBe(0);
    const ahead = await validate([writeInterviews(tempDir(), 'over.maillage', [anInterview()], 6)]);
    expect(ahead.code).toBe(1);
    expect(ahead.stdout).toMatch(/dates [56] minutes in the future/);
  });
});

describe('maillage validate when files cannot be read', () => {
  it('names a missing file on standard error, in English and French', async () => {
    const missing = `${tempDir()}/nowhere.maillage`;
    expect(await validate([missing])).toEqual({ code: 1, stdout: '', stderr: `maillage: ${missing}: no such file.\n` });
    expect((await validate([missing], 'fr')).stderr).toBe(`maillage\u00a0: ${missing}\u00a0: fichier introuvable.\n`);
  });

  it('says when the path is a folder', async () => {
    const dir = tempDir();
    expect((await validate([dir])).stderr).toBe(`maillage: ${dir} is a folder, not a file.\n`);
  });

  it('checks every file and exits 1 when one fails, with a count', async () => {
    const dir = tempDir();
    const good = writeInterviews(dir, 'good.maillage', [anInterview()]);
    const { code, stdout, stderr } = await validate([good, `${dir}/missing.maillage`, good]);
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((line) => line.includes(': ok — '))).toHaveLength(2);
    expect(stderr).toContain('maillage: 1 of 3 bundles cannot be used.');
  });

  it('is a usage error (exit 2) without a file, and is listed in the help', async () => {
    expect(await runCli(['validate'])).toMatchObject({ code: 2, stderr: expect.stringContaining('validate needs the path of a bundle') as unknown });
    expect((await runCli(['--help'])).stdout).toMatch(/^ {2}validate +Check bundles/m);
    expect((await runCli(['help', 'validate', '--lang', 'fr'])).stdout).toContain('maillage validate <fichier.maillage>');
  });
});
