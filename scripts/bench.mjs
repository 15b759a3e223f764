// `npm run bench`: builds the renderer, then runs the TypeScript benchmarks with tsx.
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npm', ['run', '--silent', 'build:renderer']);
run(process.execPath, ['--import', 'tsx', 'bench/run.ts']);
