import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli-io';

describe('maillage --help', () => {
  it('prints the English help on stdout and exits 0', async () => {
    const { code, stdout, stderr } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Usage: maillage <command> [options]');
    expect(stdout).toContain('Commands:');
    expect(stdout).toMatch(/^ {2}version +Print the version number$/m);
    expect(stdout).toContain('--lang <fr|en>');
    expect(stdout).toContain('Exit codes: 0 success, 1 problems found, 2 usage error.');
  });

  it('prints the French help with --lang fr', async () => {
    const { code, stdout } = await runCli(['--help', '--lang', 'fr']);
    expect(code).toBe(0);
    expect(stdout).toContain('Utilisation\u00a0: maillage <commande> [options]');
    expect(stdout).toMatch(/^ {2}version +Afficher le numéro de version$/m);
    expect(stdout).toContain('Codes de sortie\u00a0: 0 succès');
  });

  it('accepts --lang=fr, -h and the help command alike', async () => {
    const viaFlag = await runCli(['-h', '--lang=fr']);
    const viaCommand = await runCli(['help', '--lang', 'fr']);
    expect(viaFlag.stdout).toContain('Commandes\u00a0:');
    expect(viaCommand.stdout).toBe(viaFlag.stdout);
  });

  it('takes French from LANG=fr_FR.UTF-8 and English from LANG=en_GB.UTF-8', async () => {
    expect((await runCli(['--help'], { LANG: 'fr_FR.UTF-8' })).stdout).toContain('Commandes\u00a0:');
    expect((await runCli(['--help'], { LANG: 'en_GB.UTF-8' })).stdout).toContain('Commands:');
  });

  it('reads LC_ALL before LC_MESSAGES before LANG, and lets --lang win over all', async () => {
    expect((await runCli(['--help'], { LC_ALL: 'C', LANG: 'fr_FR.UTF-8' })).stdout).toContain('Commands:');
    expect((await runCli(['--help'], { LC_MESSAGES: 'fr_CA.UTF-8', LANG: 'en_US.UTF-8' })).stdout).toContain('Commandes');
    expect((await runCli(['--help', '--lang', 'en'], { LC_ALL: 'fr_FR.UTF-8' })).stdout).toContain('Commands:');
  });

  it('falls back to English for other locales', async () => {
    expect((await runCli(['--help'], { LANG: 'de_DE.UTF-8' })).stdout).toContain('Commands:');
    expect((await runCli(['--help'])).stdout).toContain('Commands:');
  });

  it('prints the help when no command is given', async () => {
    const { code, stdout } = await runCli([]);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: maillage <command> [options]');
  });

  it('prints one command’s help with `help <command>` or `<command> --help`', async () => {
    const viaHelp = await runCli(['help', 'version', '--lang', 'fr']);
    expect(viaHelp.code).toBe(0);
    expect(viaHelp.stdout).toContain('Utilisation\u00a0: maillage version [options]');
    expect((await runCli(['version', '--help', '--lang', 'fr'])).stdout).toBe(viaHelp.stdout);
  });
});
