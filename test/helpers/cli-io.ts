import { run } from '../../cli/main';

export interface CapturedRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A locale-free environment: tests state the language they need instead of inheriting the machine's. */
export const neutralEnv = { LC_ALL: '', LC_MESSAGES: '', LANG: '' } as const;

/** Runs the CLI in memory, with `env` over a locale-free environment, and captures what it writes. */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string>> = {}): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: { ...neutralEnv, ...env },
  });
  return { code, stdout, stderr };
}
