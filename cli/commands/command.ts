/**
 * What a command is. To add one (`merge`, `export`, `validate`, `form check`, `demo`): write a
 * file in this folder that exports a `Command`, and list it in `./index.ts`. The help lists it and
 * the parser accepts its options without further wiring.
 */
import type { OptionValues, OptionsConfig } from '../args';
import type { IndexAll } from '../bundles/index-readers';
import type { StartCsvParts } from '../exports/csv-in-parts';
import type { ExitCodeValue } from '../exit-codes';
import type { Env, Lang, Translate } from '../i18n';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Env;
  /** How `merge` reads bundles: in worker threads when the CLI runs as its built file; here otherwise. */
  readonly indexBundles?: IndexAll;
  /** How a CSV export reads a bundle in parts: with a worker thread when the CLI runs as its built file; here otherwise. */
  readonly csvParts?: StartCsvParts;
}

export interface CommandContext {
  readonly lang: Lang;
  readonly t: Translate;
  readonly io: CliIo;
  readonly values: OptionValues;
  /** Positional arguments after the command name. */
  readonly args: readonly string[];
  /** Every registered command, for the help. */
  readonly commands: readonly Command[];
}

export interface Command {
  /** What the user types; a space separates a group from its verb (`form check`). */
  readonly name: string;
  /** One line for the list of commands. */
  readonly summary: Readonly<Record<Lang, string>>;
  /** More lines for `maillage help <command>`: arguments, options, examples. */
  readonly usage?: Readonly<Record<Lang, string>>;
  /** Options of this command, in addition to the global ones. */
  readonly options?: OptionsConfig;
  run(context: CommandContext): Promise<ExitCodeValue> | ExitCodeValue;
}
