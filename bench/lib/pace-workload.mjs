// The workload that bench/lib/pace.ts times: JSON of records shaped like a bundle's, parsed and
// walked. Plain JavaScript, so that a worker thread runs the very same code: started as a worker
// (workerData.pace), it warms up, says 'ready', waits for 'go', and posts its times.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';

/** Warms up, waits for `wait()`, then times `runs` passes (ms each). */
export async function workload(runs, wait) {
  const records = Array.from({ length: 6000 }, (_, i) => ({
    id: `01a0${String(i).padStart(8, '0')}-7180-9a07-b1cc32e5ca91`,
    stamps: [`0mte${String(i % 97).padStart(5, '0')}.00000.demo`],
    fields: Array.from({ length: 40 }, (_, f) => [`answers.q_${String(f)}`, f % 3 === 0 ? f * i : `réponse ${String(f)} de l’entretien ${String(i)}`, 0]).flat(),
  }));
  const text = JSON.stringify(records);
  const once = () => {
    const start = performance.now();
    const parsed = JSON.parse(text);
    let size = 0;
    for (const record of parsed) for (const field of record.fields) size += typeof field === 'string' ? field.length : 1;
    if (size === 0) throw new Error('nothing parsed');
    return performance.now() - start;
  };
  for (let i = 0; i < 5; i++) once();
  await wait();
  return Array.from({ length: runs }, once);
}

if (!isMainThread && workerData?.pace && parentPort) {
  const port = parentPort;
  const times = await workload(workerData.pace, () => new Promise((go) => {
    port.once('message', go);
    port.postMessage('ready');
  }));
  port.postMessage(times);
}
