/**
 * The machine's pace when a suite was measured: the same small CPU-bound workload (JSON of
 * records shaped like a bundle's, parsed and walked), timed just after the suite, median of
 * several runs — in one thread, then in two threads at once (this one and a worker), as the CLI's
 * export and merge run. The reference machine is a shared VM whose speed changes with its
 * neighbours, and whose two cores slow each other down by a varying amount: a figure over its
 * budget and a slow pace are read together. Lower is faster.
 */
import { Worker } from 'node:worker_threads';
import { median } from './stats';
import { workload } from './pace-workload.mjs';

const runs = 15;
const tenth = (ms: number) => Math.round(ms * 10) / 10;

export interface Pace {
  /** ms for the workload in one thread. */
  readonly one: number;
  /** ms for the same workload while another thread runs it too. */
  readonly two: number;
}

/** The workload's median time, alone and two threads at once. */
export async function machinePace(): Promise<Pace> {
  const one = tenth(median(await workload(runs, () => Promise.resolve())));
  // The worker warms up, says so, and starts when told; this thread does the same.
  const worker = new Worker(new URL('./pace-workload.mjs', import.meta.url), { workerData: { pace: runs } });
  try {
    const ready = new Promise<void>((resolve) => {
      worker.once('message', () => {
        resolve();
      });
    });
    const theirs = new Promise<number[]>((resolve, reject) => {
      worker.once('error', reject);
      void ready.then(() => worker.once('message', resolve));
    });
    const ours = await workload(runs, async () => {
      await ready;
      worker.postMessage('go');
    });
    return { one, two: tenth(median([...ours, ...(await theirs)])) };
  } finally {
    void worker.terminate();
  }
}
