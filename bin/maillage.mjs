#!/usr/bin/env node
// The `maillage` command: loads the bundle that `npm run build:cli` writes. When the bundle is
// missing it says so in one line, in the CLI's language (same rule as cli/i18n/index.ts:
// --lang, then LC_ALL, LC_MESSAGES, LANG; French for fr*, English otherwise).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli/maillage.mjs', import.meta.url);

if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  const argv = process.argv.slice(2);
  const langArg = argv.map((arg, i) => (arg === '--lang' ? argv[i + 1] : arg.startsWith('--lang=') ? arg.slice(7) : undefined)).findLast(Boolean);
  const { LC_ALL, LC_MESSAGES, LANG } = process.env;
  const locale = langArg ?? [LC_ALL, LC_MESSAGES, LANG].find((value) => value !== undefined && value !== '') ?? '';
  process.stderr.write(
    locale.toLowerCase().startsWith('fr')
      ? 'maillage\u00a0: la ligne de commande n’est pas encore construite\u00a0; lancez «\u00a0npm run build:cli\u00a0» dans le dossier du projet.\n'
      : 'maillage: the command line is not built yet; run "npm run build:cli" in the project folder.\n',
  );
  process.exitCode = 70;
}
