/** Exit codes are part of the CLI's contract with coordinators' scripts (see docs/cli.md). */
export const ExitCode = {
  ok: 0,
  /** The command ran and found problems (invalid bundle, failed checks…). */
  problems: 1,
  /** The command line itself is wrong: unknown command or option, missing value. */
  usage: 2,
  /** The CLI could not run: not built yet, or a bug. */
  internal: 70,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
