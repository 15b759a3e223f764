/**
 * The CLI's message catalogues. English is the source: its keys define `Messages`, so a French
 * catalogue with a missing or extra key does not compile, and a unit test checks that no value
 * is empty and that both sides use the same `{placeholders}`.
 *
 * French typography: a no-break space (U+00A0) precedes the colon, as French UIs write it.
 */
export const en = {
  'help.tagline': 'Maillage {version} — command line for coordinators',
  'help.usage': 'Usage: maillage <command> [options]',
  'help.commandUsage': 'Usage: maillage {command} [options]',
  'help.commands': 'Commands:',
  'help.options': 'Options:',
  'help.option.help': 'Show this help',
  'help.option.version': 'Print the version number',
  'help.option.lang': 'Language of messages: fr or en (default: from LC_ALL, LC_MESSAGES, LANG; otherwise English)',
  'help.exitCodes': 'Exit codes: 0 success, 1 problems found, 2 usage error.',
  'help.more': 'Run maillage help <command> for the help of one command.',
  'error.unknownCommand': 'maillage: unknown command "{command}". Run maillage --help to list the commands.',
  'error.unknownOption': 'maillage: unknown option "{option}". Run maillage --help to list the options.',
  'error.missingValue': 'maillage: option "{option}" needs a value. Run maillage --help for the usage.',
  'error.unexpectedValue': 'maillage: option "{option}" takes no value. Run maillage --help for the usage.',
  'error.invalidLang': 'maillage: unknown language "{lang}". Use --lang fr or --lang en.',
  'error.unexpectedArgument': 'maillage: unexpected argument "{argument}". Run maillage --help for the usage.',
  'error.internal': 'maillage: internal error, please report it with the lines below.',
} as const;

export type MessageKey = keyof typeof en;
export type Messages = { readonly [K in MessageKey]: string };

export const fr: Messages = {
  'help.tagline': 'Maillage {version} — ligne de commande pour les coordinateurs',
  'help.usage': 'Utilisation\u00a0: maillage <commande> [options]',
  'help.commandUsage': 'Utilisation\u00a0: maillage {command} [options]',
  'help.commands': 'Commandes\u00a0:',
  'help.options': 'Options\u00a0:',
  'help.option.help': 'Afficher cette aide',
  'help.option.version': 'Afficher le numéro de version',
  'help.option.lang':
    'Langue des messages\u00a0: fr ou en (par défaut\u00a0: selon LC_ALL, LC_MESSAGES, LANG\u00a0; sinon anglais)',
  'help.exitCodes': 'Codes de sortie\u00a0: 0 succès, 1 problèmes trouvés, 2 erreur d’utilisation.',
  'help.more': 'Lancez maillage help <commande> pour l’aide d’une commande.',
  'error.unknownCommand':
    'maillage\u00a0: commande inconnue «\u00a0{command}\u00a0». Lancez maillage --help pour la liste des commandes.',
  'error.unknownOption':
    'maillage\u00a0: option inconnue «\u00a0{option}\u00a0». Lancez maillage --help pour la liste des options.',
  'error.missingValue':
    'maillage\u00a0: l’option «\u00a0{option}\u00a0» attend une valeur. Lancez maillage --help pour l’utilisation.',
  'error.unexpectedValue':
    'maillage\u00a0: l’option «\u00a0{option}\u00a0» ne prend pas de valeur. Lancez maillage --help pour l’utilisation.',
  'error.invalidLang': 'maillage\u00a0: langue inconnue «\u00a0{lang}\u00a0». Utilisez --lang fr ou --lang en.',
  'error.unexpectedArgument':
    'maillage\u00a0: argument inattendu «\u00a0{argument}\u00a0». Lancez maillage --help pour l’utilisation.',
  'error.internal': 'maillage\u00a0: erreur interne, merci de la signaler avec les lignes ci-dessous.',
};
