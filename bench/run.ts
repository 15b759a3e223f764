/** `npm run bench`: every suite, results in bench/results/*.json and the README's table. */
import { runCliBench } from './cli.bench';
import { runExportsBench } from './exports.bench';
import { runFoundationBench } from './foundation.bench';
import { runFormsBench } from './forms.bench';
import { runFillBench } from './fill.bench';
import { runImportBench } from './import.bench';
import { summariseInReadme, writeSuite } from './lib/results';
import { runSyncBench } from './sync.bench';

const only = process.argv.slice(2);
const suites = [
  { name: 'foundation', run: runFoundationBench },
  { name: 'forms', run: runFormsBench },
  { name: 'fill', run: runFillBench },
  { name: 'cli', run: runCliBench },
  { name: 'exports', run: runExportsBench },
  { name: 'import', run: runImportBench },
  { name: 'sync', run: runSyncBench },
].filter((s) => only.length === 0 || only.includes(s.name));

let failed = false;
for (const suite of suites) {
  const result = writeSuite(suite.name, await suite.run());
  for (const m of result.metrics) {
    console.log(`${suite.name} · ${m.label}: median ${m.median} ${m.unit}, p95 ${m.p95} ${m.unit} (${m.runs} runs, budget ${m.budget} ${m.unit})${m.withinBudget ? '' : '  OVER BUDGET'}`);
    if (!m.withinBudget) failed = true;
  }
}
summariseInReadme();
process.exitCode = failed ? 1 : 0;
