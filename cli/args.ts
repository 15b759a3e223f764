/**
 * Command-line parsing on top of node:util `parseArgs`. The line reads
 * `maillage [global options] <command> [command options] [arguments]`: global options are
 * valid everywhere, a command adds its own. Parsing never throws: a wrong line is a value.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { err, ok, type Result } from '../core/shared/result';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;
export type OptionValues = Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;

export const globalOptions = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  lang: { type: 'string' },
} as const satisfies OptionsConfig;

export interface ParsedLine {
  readonly values: OptionValues;
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
}

export type ArgsError =
  | { readonly kind: 'unknown-option'; readonly option: string }
  | { readonly kind: 'missing-value'; readonly option: string }
  | { readonly kind: 'unexpected-value'; readonly option: string };

function lenient(argv: readonly string[], options: OptionsConfig) {
  return parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
}

/**
 * What the line asks for before it is checked: the language (for the error messages) and the
 * positional words, whose first ones name the command.
 */
export function peek(argv: readonly string[]): { readonly lang: string | undefined; readonly words: readonly string[] } {
  const { tokens, positionals } = lenient(argv, globalOptions);
  let lang: string | undefined;
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name !== 'lang' || token.value === undefined) continue;
    // `--lang --help` is a missing value, not the language "--help"; the strict parse reports it.
    if (!token.inlineValue && token.value.startsWith('-')) continue;
    lang = token.value;
  }
  return { lang, words: positionals };
}

/**
 * Parses the whole line with the global options and those of the chosen command, whose name
 * takes the first `commandWords` positionals.
 */
export function parseLine(
  argv: readonly string[],
  commandOptions: OptionsConfig = {},
  commandWords = 0,
): Result<ParsedLine, ArgsError> {
  const options: OptionsConfig = { ...globalOptions, ...commandOptions };
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options, strict: true, allowPositionals: true });
    return ok({ values, args: positionals.slice(commandWords) });
  } catch {
    return err(explain(argv, options));
  }
}

/** parseArgs reports errors as English prose; the tokens of a lenient parse say which option failed. */
function explain(argv: readonly string[], options: OptionsConfig): ArgsError {
  for (const token of lenient(argv, options).tokens) {
    if (token.kind !== 'option') continue;
    const config = options[token.name];
    if (config === undefined) return { kind: 'unknown-option', option: token.rawName };
    if (config.type === 'boolean' && token.value !== undefined) {
      return { kind: 'unexpected-value', option: token.rawName };
    }
    if (config.type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      return { kind: 'missing-value', option: token.rawName };
    }
  }
  return { kind: 'unknown-option', option: argv.join(' ') };
}
