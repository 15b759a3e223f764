import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { editDataset } from '../../../core/exchange/demo/edit-dataset';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { stampChanges } from '../../../core/exchange/interview-sync';
import { runCli } from '../../helpers/cli-io';
import { craftBundle, emptyRecords } from '../../helpers/bundles';
import { bytesOf, stampFromNow, tempDir, writeBytes, writeDataset, writeInterviews } from '../../helpers/cli-files';
import { anInterview } from '../../helpers/factories';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json');
const epoch = { SOURCE_DATE_EPOCH: '1700000000' };
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

/** A team's bundle and two researchers' edits of it, which conflict where they changed the same answer. */
function threeBundles(dir: string) {
  const original = makeDemoDataset({ interviews: 30, seed: 5, form, device: 'team', startTime: daysAgo(120) });
  const edit = (device: string) => editDataset(original, { device, rate: 0.5, seed: 2, form, startTime: daysAgo(10) }).dataset;
  return {
    a: writeDataset(dir, 'a.maillage', original),
    b: writeDataset(dir, 'b.maillage', edit('laptop-b')),
    c: writeDataset(dir, 'c.maillage', edit('laptop-c')),
  };
}

describe('maillage merge', () => {
  it('merges two bundles, says what the second brings, the totals and the peak memory', async () => {
    const dir = tempDir();
    const first = anInterview();
    const a = writeInterviews(dir, 'a.maillage', [first, anInterview()]);
    const edited = { id: first.id, fields: stampChanges(stampChanges({}, null, first, stampFromNow(-60)), first, { ...first, commune: 'Scionzier' }, stampFromNow(-30, 'd-other')) };
    const b = writeDataset(dir, 'b.maillage', { interviews: new Map([[first.id, edited], ...[anInterview()].map((i) => [i.id, { id: i.id, fields: stampChanges({}, null, i, stampFromNow(-20)) }] as const)]), tombstones: new Map(), forms: new Map() });
    const out = join(dir, 'merged.maillage');
    const { code, stdout, stderr } = await runCli(['merge', a, b, '-o', out, '--lang', 'en']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp([
      `^${a}: 2 interviews, 0 tombstones, 0 forms`,
      `${b}: 1 new, 1 updated, 0 unchanged, 0 with a new conflict, 0 deleted`,
      `Merged into ${out}: 3 interviews, 0 tombstones, 0 forms; interviews in conflict: 0\\.`,
      'Peak memory: \\d+ MB\\.\\n$',
    ].join('\\n')));
    const merged = readBundle(bytesOf(out), new Date());
    expect(merged.ok && merged.value.manifest).toMatchObject({ device: { id: 'merge', name: 'maillage merge' }, researcher: '' });
    expect(merged.ok && merged.value.dataset.interviews.size).toBe(3);
    expect(readdirSync(dir).sort()).toEqual(['a.maillage', 'b.maillage', 'merged.maillage']);
  });

  it('gives byte-identical bundles in any order with SOURCE_DATE_EPOCH, conflicts and deletions included', async () => {
    const dir = tempDir();
    const { a, b, c } = threeBundles(dir);
    const [ab, ba, cab] = ['ab', 'ba', 'cab'].map((name) => join(dir, `${name}.maillage`)) as [string, string, string];
    const one = await runCli(['merge', a, b, '-o', ab], epoch);
    const two = await runCli(['merge', b, a, '-o', ba], epoch);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(bytesOf(ab).equals(bytesOf(ba))).toBe(true);
    const three = await runCli(['merge', c, a, b, '-o', cab, '--lang', 'fr'], epoch);
    expect(three.stdout).toMatch(/avec un nouveau conflit/);
    expect(three.stdout).not.toMatch(/entretiens en conflit\u00a0: 0\./);
    expect((await runCli(['merge', b, c, a, '-o', ab], epoch)).code).toBe(0);
    expect(bytesOf(ab).equals(bytesOf(cab))).toBe(true);
    const manifest = readBundle(bytesOf(cab), new Date());
    expect(manifest.ok && manifest.value.manifest.exportedAt).toBe('2023-11-14T22:13:20.000Z');
  });

  it('names every researcher’s computer in the merged bundle, in any order, so that whoever imports it sees who wrote what', async () => {
    const dir = tempDir();
    const original = makeDemoDataset({ interviews: 10, seed: 5, form, device: 'team', startTime: daysAgo(120) });
    const edit = (device: string) => editDataset(original, { device, rate: 0.5, seed: 2, form, startTime: daysAgo(10) }).dataset;
    const from = (id: string, name: string, researcher: string, daysBack: number) => ({ device: { id, name }, researcher, time: daysAgo(daysBack) });
    const b = join(dir, 'b.maillage');
    const c = join(dir, 'c.maillage');
    writeFileSync(b, writeBundle(edit('laptop-b'), from('laptop-b', 'Portable de Yanis', 'Yanis Haddad', 3)));
    writeFileSync(c, writeBundle(edit('laptop-c'), from('laptop-c', 'Laptop of Camille', 'Camille Roux', 2)));
    const [bc, cb] = [join(dir, 'bc.maillage'), join(dir, 'cb.maillage')];
    expect((await runCli(['merge', b, c, '-o', bc], epoch)).code).toBe(0);
    expect((await runCli(['merge', c, b, '-o', cb], epoch)).code).toBe(0);
    expect(bytesOf(bc).equals(bytesOf(cb))).toBe(true);
    const merged = readBundle(bytesOf(bc), new Date());
    expect(merged.ok && merged.value.manifest.devices?.map(({ id, name, researcher }) => [id, name, researcher])).toEqual([
      ['laptop-b', 'Portable de Yanis', 'Yanis Haddad'],
      ['laptop-c', 'Laptop of Camille', 'Camille Roux'],
    ]);
    // Yanis renames his computer later; a merge of that with the coordinator's keeps the new name.
    const d = join(dir, 'd.maillage');
    writeFileSync(d, writeBundle(edit('laptop-b'), from('laptop-b', 'Yanis — vallée de l’Arve', 'Yanis Haddad', 1)));
    const again = join(dir, 'again.maillage');
    expect((await runCli(['merge', bc, d, '-o', again], epoch)).code).toBe(0);
    const last = readBundle(bytesOf(again), new Date());
    expect(last.ok && last.value.manifest.devices?.find((item) => item.id === 'laptop-b')?.name).toBe('Yanis — vallée de l’Arve');
    expect(last.ok && last.value.manifest.devices?.some((item) => item.id === 'merge')).toBe(false);
    // Merged after an unrelated bundle, the coordinator's brings its interviews new, with their conflicts counted.
    const inConflict = (await runCli(['merge', bc, b, '-o', join(dir, 'x.maillage'), '--lang', 'en'], epoch)).stdout;
    const conflicts = /interviews in conflict: (\d+)\./.exec(inConflict)?.[1];
    expect(Number(conflicts)).toBeGreaterThan(0);
    const other = writeInterviews(dir, 'other.maillage', [anInterview()]);
    const report = await runCli(['merge', other, bc, '-o', join(dir, 'y.maillage'), '--lang', 'en'], epoch);
    expect(report.stdout).toMatch(new RegExp(`${bc}: \\d+ new, 0 updated, 0 unchanged, ${String(conflicts)} with a new conflict, 0 deleted`));
  });

  it('writes nothing when one input cannot be used, and names it (English and French)', async () => {
    const dir = tempDir();
    const good = writeInterviews(dir, 'good.maillage', [anInterview()]);
    const future = writeInterviews(dir, 'future.maillage', [anInterview()], 24 * 60);
    const out = join(dir, 'out.maillage');
    const missing = join(dir, 'missing.maillage');
    const en = await runCli(['merge', good, missing, future, '-o', out, '--lang', 'en']);
    expect(en.code).toBe(1);
    expect(en.stderr).toContain(`maillage: ${missing}: no such file.`);
    expect(en.stdout).toMatch(new RegExp(`^${future}: this bundle carries dates \\d+ minutes in the future`));
    expect(en.stderr).toContain('maillage: nothing was written: 2 of 3 bundles cannot be used.');
    const fr = await runCli(['merge', good, writeBytes(dir, 'v2.maillage', craftBundle(emptyRecords, { version: '2.0' })), '-o', out, '--lang', 'fr']);
    expect(fr.code).toBe(1);
    expect(fr.stdout).toContain('v2.maillage\u00a0: ce lot est au format 2.0');
    expect(fr.stderr).toContain('rien n’a été écrit');
    expect(existsSync(out)).toBe(false);
  });

  it('says when the output cannot be written, and leaves no temporary file', async () => {
    const dir = tempDir();
    const a = writeInterviews(dir, 'a.maillage', [anInterview()]);
    const out = join(dir, 'no-such-folder', 'out.maillage');
    const { code, stderr } = await runCli(['merge', a, a, '-o', out]);
    expect(code).toBe(1);
    expect(stderr).toBe(`maillage: cannot write ${out}: its folder does not exist.\n`);
    expect(readdirSync(dir)).toEqual(['a.maillage']);
  });

  it.each([
    [['merge', 'a.maillage', '-o', 'out.maillage'], 'merge needs at least two bundles'],
    [['merge', 'a.maillage', 'b.maillage'], 'merge needs -o <file.maillage>'],
    [['merge', 'a.maillage', 'b.maillage', '-o'], 'option "-o" needs a value'],
  ])('is a usage error (exit 2): %j', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('refuses a SOURCE_DATE_EPOCH that is not a number of seconds', async () => {
    const { code, stderr } = await runCli(['merge', 'a', 'b', '-o', 'c', '--lang', 'fr'], { SOURCE_DATE_EPOCH: 'yesterday' });
    expect(code).toBe(2);
    expect(stderr).toContain('SOURCE_DATE_EPOCH doit être un nombre entier de secondes');
  });
});
