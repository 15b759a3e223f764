import { ExitCode } from '../exit-codes';
import { commandHelp, generalHelp } from '../help';
import { cliVersion } from '../version';
import type { Command } from './command';
import { findCommand } from './find';

export const helpCommand: Command = {
  name: 'help',
  summary: { en: 'Show the help, for all commands or for one', fr: 'Afficher l’aide, de toutes les commandes ou d’une seule' },
  usage: { en: 'maillage help [<command>]', fr: 'maillage help [<commande>]' },
  run({ args, commands, io, lang, t }) {
    if (args.length === 0) {
      io.stdout(generalHelp(t, lang, cliVersion(), commands));
      return ExitCode.ok;
    }
    const found = findCommand(commands, args);
    if (found === undefined || found.wordCount < args.length) {
      io.stderr(`${t('error.unknownCommand', { command: args.join(' ') })}\n`);
      return ExitCode.usage;
    }
    io.stdout(commandHelp(t, lang, found.command));
    return ExitCode.ok;
  },
};
