/**
 * The machine's pace when a suite was measured: the same small CPU-bound workload (JSON of
 * records shaped like a bundle's, parsed and walked), timed in this process just after the suite,
 * median of several runs. The reference machine is a shared VM whose speed changes with its
 * neighbours: a figure over its budget and a slow pace are read together. Lower is faster.
 */
import { median } from './stats';

const records = Array.from({ length: 6000 }, (_, i) => ({
  id: `01a0${String(i).padStart(8, '0')}-7180-9a07-b1cc32e5ca91`,
  stamps: [`0mte${String(i % 97).padStart(5, '0')}.00000.demo`],
  fields: Array.from({ length: 40 }, (_, f) => [`answers.q_${String(f)}`, f % 3 === 0 ? f * i : `réponse ${String(f)} de l’entretien ${String(i)}`, 0]).flat(),
}));
const text = JSON.stringify(records);

function once(): number {
  const start = performance.now();
  const parsed = JSON.parse(text) as { fields: unknown[] }[];
  let size = 0;
  for (const record of parsed) for (const field of record.fields) size += typeof field === 'string' ? field.length : 1;
  if (size === 0) throw new Error('nothing parsed');
  return performance.now() - start;
}

/** The workload's median time in milliseconds (after a warm-up), rounded to a tenth. */
export function machinePace(runs = 15): number {
  for (let i = 0; i < 5; i++) once();
  const times = Array.from({ length: runs }, once);
  return Math.round(median(times) * 10) / 10;
}
