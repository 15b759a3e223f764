/**
 * The CLI as a function: arguments and an environment in, text and an exit code out. It never
 * touches `process`, so tests call it directly; `entry.ts` binds it to the real process.
 */
import { parseLine, peek, type ArgsError } from './args';
import { commands, findCommand, helpCommand, versionCommand, type CliIo, type Command } from './commands';
import { ExitCode } from './exit-codes';
import { isLang, langFromEnv, translator, type Translate } from './i18n';

export type { CliIo } from './commands';

const argsErrorKey = {
  'unknown-option': 'error.unknownOption',
  'missing-value': 'error.missingValue',
  'unexpected-value': 'error.unexpectedValue',
} as const satisfies Record<ArgsError['kind'], string>;

/** Runs one command line and resolves to its exit code (see docs/cli.md). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const { lang: requested, words } = peek(argv);
  if (requested !== undefined && !isLang(requested)) {
    io.stderr(`${translator(langFromEnv(io.env))('error.invalidLang', { lang: requested })}\n`);
    return ExitCode.usage;
  }
  const lang = requested ?? langFromEnv(io.env);
  const t = translator(lang);

  const found = findCommand(commands, words);
  const [firstWord] = words;
  if (found === undefined && firstWord !== undefined) {
    io.stderr(`${t('error.unknownCommand', { command: firstWord })}\n`);
    return ExitCode.usage;
  }
  const parsed = parseLine(argv, found?.command.options, found?.wordCount);
  if (!parsed.ok) {
    io.stderr(`${t(argsErrorKey[parsed.error.kind], { option: parsed.error.option })}\n`);
    return ExitCode.usage;
  }
  const { values } = parsed.value;

  // --help and --version are shortcuts for the commands of the same name; a bare `maillage` helps.
  let command: Command = found?.command ?? helpCommand;
  let args = parsed.value.args;
  if (values['help'] === true) {
    command = helpCommand;
    args = found === undefined || found.command === helpCommand ? [] : found.command.name.split(' ');
  } else if (values['version'] === true) {
    command = versionCommand;
    args = [];
  }
  return runSafely(command, { lang, t, io, values, args, commands });
}

async function runSafely(command: Command, context: Parameters<Command['run']>[0]): Promise<number> {
  try {
    return await command.run(context);
  } catch (error) {
    reportBug(context.io, context.t, error);
    return ExitCode.internal;
  }
}

function reportBug(io: CliIo, t: Translate, error: unknown): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`${t('error.internal')}\n${detail}\n`);
}
