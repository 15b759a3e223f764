// Preloaded into a benchmarked child process (`node --import ./bench/lib/peak-memory.mjs …`):
// when the process exits, it writes its peak resident memory, in kilobytes, to the file named by
// MAILLAGE_BENCH_PEAK_FILE. The measured command itself is left unchanged.
import { writeFileSync } from 'node:fs';

const target = process.env.MAILLAGE_BENCH_PEAK_FILE;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
