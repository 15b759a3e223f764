/** The registry: every command the CLI knows, in the order the help lists them. */
import type { Command } from './command';
import { formCheckCommand } from './form-check';
import { helpCommand } from './help';
import { versionCommand } from './version';

export const commands: readonly Command[] = [helpCommand, versionCommand, formCheckCommand];

export { helpCommand, versionCommand };
export type { CliIo, Command, CommandContext } from './command';
export { findCommand } from './find';
