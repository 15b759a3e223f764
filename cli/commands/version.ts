import { ExitCode } from '../exit-codes';
import { cliVersion } from '../version';
import type { Command } from './command';
import { rejectArguments } from './usage-error';

export const versionCommand: Command = {
  name: 'version',
  summary: { en: 'Print the version number', fr: 'Afficher le numéro de version' },
  run(context) {
    const refused = rejectArguments(context);
    if (refused !== undefined) return refused;
    context.io.stdout(`${cliVersion()}\n`);
    return ExitCode.ok;
  },
};
