import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-io';

const packageVersion = (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  version: string;
}).version;

describe('maillage --version', () => {
  it.each([['--version'], ['-v'], ['version']])('prints the version of package.json for %s and exits 0', async (arg) => {
    const { code, stdout, stderr } = await runCli([arg]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${packageVersion}\n`);
    expect(stderr).toBe('');
  });

  it('prints the same version in French', async () => {
    expect((await runCli(['--version', '--lang', 'fr'])).stdout).toBe(`${packageVersion}\n`);
    expect((await runCli(['--version'], { LANG: 'fr_FR.UTF-8' })).stdout).toBe(`${packageVersion}\n`);
  });

  it('refuses an argument after the version command with exit 2', async () => {
    const { code, stdout, stderr } = await runCli(['version', 'extra']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('"extra"');
  });
});
