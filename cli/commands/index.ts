/** The registry: every command the CLI knows, in the order the help lists them. */
import type { Command } from './command';
import { demoCommand } from './demo';
import { exportCommand } from './export';
import { formCheckCommand } from './form-check';
import { helpCommand } from './help';
import { mergeCommand } from './merge';
import { validateCommand } from './validate';
import { versionCommand } from './version';

export const commands: readonly Command[] = [helpCommand, versionCommand, formCheckCommand, validateCommand, mergeCommand, exportCommand, demoCommand];

export { helpCommand, versionCommand };
export type { CliIo, Command, CommandContext } from './command';
export { findCommand } from './find';
