/**
 * Every bad file of the issue, through each command that reads bundles: refused with what is
 * wrong with it, in the language asked for, exit 1, and nothing written.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { badFileCases } from '../../helpers/bad-bundles';
import { runCli } from '../../helpers/cli-io';
import { tempDir, writeBytes, writeInterviews } from '../../helpers/cli-files';
import { anInterview } from '../../helpers/factories';

const secret = { MAILLAGE_PSEUDONYM_SECRET: 'a project secret of 32 bytes....' };

describe('a bad file given to the CLI', () => {
  const now = new Date();
  it.each(badFileCases(now))('%s (%s, told in %s)', async (_name, code, lang, make) => {
    const { bytes, reason } = make();
    const dir = tempDir();
    const bad = writeBytes(dir, `${code}.maillage`, bytes);
    const good = writeInterviews(dir, 'good.maillage', [anInterview()]);

    const validated = await runCli(['validate', bad, '--lang', lang]);
    expect(validated.code).toBe(1);
    expect(validated.stdout).toContain(reason);

    const merged = join(dir, 'merged.maillage');
    const merging = await runCli(['merge', good, bad, '-o', merged, '--lang', lang]);
    expect(merging.code).toBe(1);
    expect(merging.stdout + merging.stderr).toContain(reason);
    expect(existsSync(merged)).toBe(false);

    for (const format of ['csv', 'xlsx', 'dictionary']) {
      const out = join(dir, `out-${format}`);
      const exporting = await runCli(['export', bad, '--format', format, '-o', out, '--lang', lang], secret);
      expect(exporting.code).toBe(1);
      expect(exporting.stderr).toContain(reason);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    }
    expect(readdirSync(dir).sort()).toEqual([bad, good].map((f) => f.slice(dir.length + 1)).sort());
  });
});
