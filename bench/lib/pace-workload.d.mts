/** See pace-workload.mjs. */
export function workload(runs: number, wait: () => Promise<void>): Promise<number[]>;
