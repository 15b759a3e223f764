/** Benchmark results: one JSON file per suite in bench/results/, and a table in the README. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { median, p95 } from './stats';

export interface Metric {
  readonly id: string;
  readonly label: string;
  readonly unit: 'ms' | 'KB' | 'MB' | '×';
  /**
   * What the issue asks for: the median (or the single value) must stay at or under it. Null for
   * a reference figure printed beside one that has a budget (a bare bulkPut beside the import).
   */
  readonly budget: number | null;
  /** A second budget on the 95th percentile, where the issue names one. */
  readonly p95Budget?: number;
  readonly samples: readonly number[];
}

export interface MetricResult {
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  readonly runs: number;
  readonly median: number;
  readonly p95: number;
  readonly budget: number | null;
  readonly p95Budget?: number;
  readonly withinBudget: boolean;
}

export interface SuiteResult {
  readonly suite: string;
  readonly measuredAt: string;
  readonly machine: { readonly node: string; readonly cpu: string; readonly cores: number; readonly chromium: string };
  readonly metrics: readonly MetricResult[];
}

const resultsDir = 'bench/results';
const round = (n: number) => Math.round(n * 10) / 10;

function chromiumVersion(): string {
  try {
    return execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

export function writeSuite(suite: string, metrics: readonly Metric[]): SuiteResult {
  const result: SuiteResult = {
    suite,
    measuredAt: new Date().toISOString(),
    machine: { node: process.version, cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, chromium: chromiumVersion() },
    metrics: metrics.map((m) => {
      const mid = round(median(m.samples));
      const high = round(p95(m.samples));
      const withinBudget = (m.budget === null || mid <= m.budget) && (m.p95Budget === undefined || high <= m.p95Budget);
      return { id: m.id, label: m.label, unit: m.unit, runs: m.samples.length, median: mid, p95: high, budget: m.budget, ...(m.p95Budget === undefined ? {} : { p95Budget: m.p95Budget }), withinBudget };
    }),
  };
  writeFileSync(join(resultsDir, `${suite}.json`), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** Rewrites the README's table between its bench markers from every suite's JSON. */
export function summariseInReadme(readmePath = 'README.md'): void {
  const suites = readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(resultsDir, f), 'utf8')) as SuiteResult);
  const rows = suites.flatMap((s) =>
    s.metrics.map((m) => `| ${s.suite} | ${m.label} | ${m.median} ${m.unit} | ${m.p95} ${m.unit} | ${m.runs} | ${m.budget === null ? '(reference)' : `≤ ${m.budget} ${m.unit}`}${m.p95Budget === undefined ? '' : `, p95 ≤ ${m.p95Budget} ${m.unit}`} | ${m.budget === null ? '—' : m.withinBudget ? 'yes' : '**no**'} |`),
  );
  const table = ['| suite | what | median | p95 | runs | budget | within |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
  if (!existsSync(readmePath)) return;
  const readme = readFileSync(readmePath, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) return;
  const stamp = suites.map((s) => `${s.suite}: ${s.measuredAt.slice(0, 10)}, ${s.machine.cores} × ${s.machine.cpu}, ${s.machine.chromium}, Node ${s.machine.node}`).join('; ');
  writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${table}\n\nMeasured ${stamp}.\n${readme.slice(to)}`);
}
