/**
 * The environment of a benchmarked `maillage` child process: this process's, with `extra`, and
 * without NODE_EXTRA_CA_CERTS. That variable (set on the reference machine for its network proxy)
 * makes every Node process read and parse the certificates it names before running any code:
 * `node -e 0` took 89 to 132 ms with it and 27 to 36 ms without (29 November 2026, five runs
 * each). The CLI opens no network connection, and a coordinator's machine does not set it: the
 * figures are the command's, not the proxy's.
 */
export function benchChildEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}
