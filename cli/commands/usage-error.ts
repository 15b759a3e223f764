import { ExitCode } from '../exit-codes';
import type { CommandContext } from './command';

/** Reports extra positional arguments to a command that takes none. */
export function rejectArguments(context: CommandContext): typeof ExitCode.usage | undefined {
  const [extra] = context.args;
  if (extra === undefined) return undefined;
  context.io.stderr(`${context.t('error.unexpectedArgument', { argument: extra })}\n`);
  return ExitCode.usage;
}
