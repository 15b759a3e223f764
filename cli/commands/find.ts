import type { Command } from './command';

export interface FoundCommand {
  readonly command: Command;
  /** How many positional words the command's name takes (`form check` takes two). */
  readonly wordCount: number;
}

/** The command whose name starts the positional words, the longest name first. */
export function findCommand(commands: readonly Command[], words: readonly string[]): FoundCommand | undefined {
  let best: FoundCommand | undefined;
  for (const command of commands) {
    const name = command.name.split(' ');
    const matches = name.every((word, i) => words[i] === word);
    if (matches && name.length > (best?.wordCount ?? 0)) best = { command, wordCount: name.length };
  }
  return best;
}
