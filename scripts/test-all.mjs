// `npm test`: every check, in the order that fails fastest — types, lint, unit tests, the build,
// the security lint of the built shell, then end-to-end tests in Chromium. Prints one closing
// line with the total of tests passed and failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reportDir = '.tmp/test-reports';
rmSync(reportDir, { recursive: true, force: true });
mkdirSync(reportDir, { recursive: true });

const steps = [
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['unit', 'npx', ['vitest', 'run', '--config', 'vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reportDir}/unit.json`]],
  ['build', 'npm', ['run', '--silent', 'build']],
  ['lint:security', 'npm', ['run', '--silent', 'lint:security']],
  ['e2e', 'npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${reportDir}/e2e.json`]],
];

function counts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) };
}

const started = Date.now();
for (const [name, command, args] of steps) {
  const stepStart = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, TZ: 'Europe/Paris' } });
  const seconds = ((Date.now() - stepStart) / 1000).toFixed(1);
  if (result.status !== 0) {
    const { passed, failed } = ['unit', 'e2e'].map((s) => counts(`${reportDir}/${s}.json`)).reduce((a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed }));
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}
const unit = counts(`${reportDir}/unit.json`);
const e2e = counts(`${reportDir}/e2e.json`);
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s (unit ${unit.passed}, end-to-end ${e2e.passed}).`);
console.log(`tests: ${unit.passed + e2e.passed} passed, ${unit.failed + e2e.failed} failed`);
