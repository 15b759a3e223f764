import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-io';

describe('usage errors exit with code 2 and say what is wrong', () => {
  it('names an unknown command and points to --help, in English', async () => {
    const { code, stdout, stderr } = await runCli(['frobnicate']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('maillage: unknown command "frobnicate". Run maillage --help to list the commands.\n');
  });

  it('names an unknown command and points to --help, in French (by --lang and by LANG)', async () => {
    const expected =
      'maillage\u00a0: commande inconnue «\u00a0frobnicate\u00a0». Lancez maillage --help pour la liste des commandes.\n';
    expect(await runCli(['frobnicate', '--lang', 'fr'])).toEqual({ code: 2, stdout: '', stderr: expected });
    expect(await runCli(['frobnicate'], { LANG: 'fr_FR.UTF-8' })).toEqual({ code: 2, stdout: '', stderr: expected });
  });

  it('rejects `help` for an unknown command', async () => {
    const { code, stderr } = await runCli(['help', 'frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('"frobnicate"');
  });

  it('names an unknown option', async () => {
    const { code, stderr } = await runCli(['--frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('unknown option "--frobnicate"');
    expect((await runCli(['-x', '--lang', 'fr'])).stderr).toContain('option inconnue «\u00a0-x\u00a0»');
  });

  it('rejects an unknown language in the language of the environment', async () => {
    const english = await runCli(['--help', '--lang', 'xx']);
    expect(english.code).toBe(2);
    expect(english.stdout).toBe('');
    expect(english.stderr).toBe('maillage: unknown language "xx". Use --lang fr or --lang en.\n');
    const french = await runCli(['--lang=de'], { LANG: 'fr_FR.UTF-8' });
    expect(french.code).toBe(2);
    expect(french.stderr).toContain('langue inconnue «\u00a0de\u00a0»');
  });

  it('asks for the value of --lang when it is missing', async () => {
    for (const argv of [['--lang'], ['--lang', '--help']]) {
      const { code, stderr } = await runCli(argv);
      expect(code).toBe(2);
      expect(stderr).toContain('option "--lang" needs a value');
    }
  });

  it('refuses a value given to a flag', async () => {
    const { code, stderr } = await runCli(['--help=yes']);
    expect(code).toBe(2);
    expect(stderr).toContain('option "--help" takes no value');
  });
});
