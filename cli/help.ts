/** The text of `maillage --help` and `maillage help <command>`, built from the registry. */
import type { Command } from './commands/command';
import type { Lang, Translate } from './i18n';

const optionLines = (t: Translate): readonly (readonly [string, string])[] => [
  ['-h, --help', t('help.option.help')],
  ['-v, --version', t('help.option.version')],
  ['--lang <fr|en>', t('help.option.lang')],
];

function table(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`);
}

export function generalHelp(t: Translate, lang: Lang, version: string, commands: readonly Command[]): string {
  return [
    t('help.tagline', { version }),
    '',
    t('help.usage'),
    '',
    t('help.commands'),
    ...table(commands.map((command) => [command.name, command.summary[lang]])),
    '',
    t('help.options'),
    ...table(optionLines(t)),
    '',
    t('help.more'),
    t('help.exitCodes'),
    '',
  ].join('\n');
}

export function commandHelp(t: Translate, lang: Lang, command: Command): string {
  return [
    t('help.commandUsage', { command: command.name }),
    '',
    command.summary[lang],
    ...(command.usage === undefined ? [] : ['', command.usage[lang]]),
    '',
    t('help.options'),
    ...table(optionLines(t)),
    '',
    t('help.exitCodes'),
    '',
  ].join('\n');
}
