// Preloaded into a compared child process (`node --import ./bench/lib/process-usage.mjs …`):
// when the process exits, it writes its CPU time (every thread, user and system, in ms) and its
// peak resident memory (KB) as JSON to the file named by MAILLAGE_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.MAILLAGE_BENCH_USAGE_FILE;
if (target && isMainThread) {
  process.on('exit', () => {
    const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
    writeFileSync(target, JSON.stringify({ cpuMs: (userCPUTime + systemCPUTime) / 1000, peakKb: maxRSS }));
  });
}
