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
  'formCheck.missingFile': 'maillage: form check needs the path of a form file (.json). Run maillage help form check.',
  'formCheck.notFound': 'maillage: {file}: no such file.',
  'formCheck.isDirectory': 'maillage: {file} is a folder, not a form file.',
  'formCheck.unreadable': 'maillage: {file}: the file cannot be read ({reason}).',
  'formCheck.permissionDenied': 'maillage: {file}: permission denied; this account may not read the file.',
  'formCheck.notUtf8': '{file}: the file is not UTF-8 text. Save it as UTF-8 (in most editors: Save as… > Encoding: UTF-8) and check it again.',
  'formCheck.problem': '{file}: {problem}',
  'formCheck.invalid': '{file}: problems found: {count}. The form cannot be used until they are fixed.',
  'formCheck.valid': '{file}: valid form.',
  'formCheck.summary.form': '  Form: {id}, version {version}',
  'formCheck.summary.title': '  Title: {title}',
  'formCheck.summary.sections': '  Sections: {count}',
  'formCheck.summary.questions': '  Questions: {count} ({types})',
  'formCheck.summary.matrixItems': '  Matrix items (each answered on its own): {count} ({matrices})',
  'formCheck.summary.repeats': '  Repeat groups: {count} ({repeats})',
  'formCheck.summary.calculations': '  Calculations: {count}; indices: {indices}',
  'formCheck.summary.languages': '  Languages: French (fr) and English (en), every text in both',
  'formCheck.none': 'none',
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
  'formCheck.missingFile':
    'maillage\u00a0: form check attend le chemin d’un fichier de formulaire (.json). Lancez maillage help form check.',
  'formCheck.notFound': 'maillage\u00a0: {file}\u00a0: fichier introuvable.',
  'formCheck.isDirectory': 'maillage\u00a0: {file} est un dossier, pas un fichier de formulaire.',
  'formCheck.unreadable': 'maillage\u00a0: {file}\u00a0: le fichier ne peut pas être lu ({reason}).',
  'formCheck.permissionDenied': 'maillage\u00a0: {file}\u00a0: accès refusé\u00a0; ce compte n’a pas le droit de lire le fichier.',
  'formCheck.notUtf8':
    '{file}\u00a0: le fichier n’est pas du texte UTF-8. Enregistrez-le en UTF-8 (dans la plupart des éditeurs\u00a0: Enregistrer sous… > Encodage\u00a0: UTF-8) puis vérifiez-le à nouveau.',
  'formCheck.problem': '{file}\u00a0: {problem}',
  'formCheck.invalid':
    '{file}\u00a0: problèmes trouvés\u00a0: {count}. Le formulaire ne peut pas être utilisé tant qu’ils ne sont pas corrigés.',
  'formCheck.valid': '{file}\u00a0: formulaire valide.',
  'formCheck.summary.form': '  Formulaire\u00a0: {id}, version {version}',
  'formCheck.summary.title': '  Titre\u00a0: {title}',
  'formCheck.summary.sections': '  Sections\u00a0: {count}',
  'formCheck.summary.questions': '  Questions\u00a0: {count} ({types})',
  'formCheck.summary.matrixItems': '  Items de matrices (chacun est une réponse)\u00a0: {count} ({matrices})',
  'formCheck.summary.repeats': '  Groupes répétés\u00a0: {count} ({repeats})',
  'formCheck.summary.calculations': '  Calculs\u00a0: {count}\u00a0; indices\u00a0: {indices}',
  'formCheck.summary.languages': '  Langues\u00a0: français (fr) et anglais (en), chaque texte dans les deux',
  'formCheck.none': 'aucun',
};
