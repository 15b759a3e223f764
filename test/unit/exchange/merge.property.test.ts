import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/exchange/bundle/canonical-json';
import { emptyDataset, mergeDatasets, type Dataset } from '../../../core/exchange/bundle/dataset';
import { mergeDirectories } from '../../../core/exchange/bundle/device-directory';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { createHlcClock, type HlcClock } from '../../../core/exchange/hlc';
import { hasSeen, writeRegister, type Version } from '../../../core/exchange/register';
import { bundleTime, origin } from '../../helpers/bundles';

const fcConfig = { seed: 20261128, numRuns: 1000 };

type Step =
  | { kind: 'create'; replica: number }
  | { kind: 'edit'; replica: number; pick: number; field: number; value: string }
  | { kind: 'delete'; replica: number; pick: number }
  | { kind: 'send'; from: number; to: number }
  /** A researcher renames their computer (or another researcher takes it): its label changes. */
  | { kind: 'rename'; replica: number; name: string };

const stepArb = (n: number): fc.Arbitrary<Step> => fc.oneof(
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('create' as const), replica: fc.nat(n - 1) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica: fc.nat(n - 1), pick: fc.nat(10), field: fc.nat(3), value: fc.constantFrom('oui', 'non', '3', 'Cluses', 'Anglet') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), replica: fc.nat(n - 1), pick: fc.nat(10) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('send' as const), from: fc.nat(n - 1), to: fc.nat(n - 1) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('rename' as const), replica: fc.nat(n - 1), name: fc.constantFrom('Camille', 'Yanis', 'Laptop 2', '') }) },
);

interface World {
  readonly datasets: Dataset[];
  readonly written: { readonly id: string; readonly version: Version }[];
  readonly deleted: Set<string>;
}

function newestStamp(dataset: Dataset): string {
  let best = '';
  for (const r of dataset.interviews.values()) for (const reg of Object.values(r.fields)) for (const v of reg) if (v.hlc > best) best = v.hlc;
  for (const t of dataset.tombstones.values()) if (t.hlc > best) best = t.hlc;
  return best;
}

function play(n: number, steps: readonly Step[]): World {
  let time = bundleTime.getTime() - 3_600_000;
  const clocks: HlcClock[] = Array.from({ length: n }, (_, i) => createHlcClock(`d-${i}`, () => (time += 7)));
  // Each replica names itself, as its bundles' manifests do; sometimes two at the same time.
  const label = (i: number, name: string) => new Map([[`d-${i}`, { name, researcher: `R${i}`, at: new Date(time - (time % 14)).toISOString() }]]);
  const datasets: Dataset[] = Array.from({ length: n }, (_, i) => ({ ...emptyDataset, devices: label(i, `Laptop ${i}`) }));
  const written: { id: string; version: Version }[] = [];
  const deleted = new Set<string>();
  let created = 0;
  const ids = (d: Dataset) => [...d.interviews.keys()].sort();
  for (const step of steps) {
    if (step.kind === 'send') {
      const incoming = datasets[step.from] ?? emptyDataset;
      const stamp = newestStamp(incoming);
      if (stamp) clocks[step.to]?.receive(stamp);
      datasets[step.to] = mergeDatasets(datasets[step.to] ?? emptyDataset, incoming);
      continue;
    }
    const d = datasets[step.replica] ?? emptyDataset;
    const clock = clocks[step.replica];
    if (!clock) continue;
    if (step.kind === 'rename') {
      time += 7;
      datasets[step.replica] = { ...d, devices: mergeDirectories(d.devices, label(step.replica, step.name)) };
      continue;
    }
    if (step.kind === 'create') {
      const id = `i-${++created}`;
      const register = writeRegister([], 'Moules Perrin', clock.next());
      written.push(...register.map((version) => ({ id, version })));
      datasets[step.replica] = { ...d, interviews: new Map([...d.interviews, [id, { id, fields: { 'answers.c_firm_name': register } }]]) };
    } else {
      const list = ids(d);
      const id = list[step.pick % Math.max(1, list.length)];
      const record = id === undefined ? undefined : d.interviews.get(id);
      if (!record || id === undefined) continue;
      if (step.kind === 'edit') {
        const path = `answers.q${step.field}`;
        const register = writeRegister(record.fields[path] ?? [], step.value, clock.next());
        written.push(...register.map((version) => ({ id, version })));
        datasets[step.replica] = { ...d, interviews: new Map([...d.interviews, [id, { ...record, fields: { ...record.fields, [path]: register } }]]) };
      } else {
        deleted.add(id);
        const interviews = new Map(d.interviews);
        interviews.delete(id);
        datasets[step.replica] = { ...d, interviews, tombstones: new Map([...d.tombstones, [id, { id, kind: 'interview' as const, hlc: clock.next() }]]) };
      }
    }
  }
  return { datasets, written, deleted };
}

const worldArb = fc.integer({ min: 3, max: 5 }).chain((n) => fc.array(stepArb(n), { maxLength: 40 }).map((steps) => play(n, steps)));
const same = (a: Dataset, b: Dataset): void => {
  expect(canonicalJson(toPlain(a))).toBe(canonicalJson(toPlain(b)));
};
const toPlain = (d: Dataset) => ({ i: [...d.interviews.entries()].sort(), t: [...d.tombstones.entries()].sort(), f: [...d.forms.entries()].sort(), d: [...(d.devices ?? [])].sort() });
const mergeAll = (ds: readonly Dataset[]) => ds.reduce((acc, d) => mergeDatasets(acc, d), emptyDataset);

describe('merging researchers’ datasets', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(fc.property(worldArb, ({ datasets }) => {
      const [a = emptyDataset, b = emptyDataset, c = emptyDataset] = datasets;
      same(mergeDatasets(a, b), mergeDatasets(b, a));
      same(mergeDatasets(mergeDatasets(a, b), c), mergeDatasets(a, mergeDatasets(b, c)));
      same(mergeDatasets(a, a), a);
      same(mergeDatasets(mergeDatasets(a, b), b), mergeDatasets(a, b));
    }), fcConfig);
  });

  it('makes 3–5 replicas converge once each has received everyone’s bundle, each in its own order, with duplicates and drops before', () => {
    const gossip = fc.array(fc.record({ from: fc.nat(), to: fc.nat() }), { maxLength: 30 });
    const orders = fc.array(fc.array(fc.nat({ max: 1000 }), { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 });
    fc.assert(fc.property(worldArb, gossip, orders, fc.nat(), ({ datasets }, exchanges, keys, again) => {
      const n = datasets.length;
      // Before: some bundles reach some replicas, some twice, most never (dropped).
      const state = [...datasets];
      for (const { from, to } of exchanges) state[to % n] = mergeDatasets(state[to % n] ?? emptyDataset, state[from % n] ?? emptyDataset);
      // Then everyone writes a bundle, and each replica receives them all in its own order, one of them twice.
      const bundles = [...state];
      const finals = state.map((mine, r) => {
        const order = bundles.map((d, i) => ({ d, k: keys[r]?.[i] ?? i })).sort((x, y) => x.k - y.k).map((x) => x.d);
        return [...order, order[again % order.length] ?? emptyDataset].reduce((acc, d) => mergeDatasets(acc, d), mine);
      });
      for (const f of finals) same(f, finals[0] ?? emptyDataset);
    }), fcConfig);
  });

  it('never resurrects a deleted interview', () => {
    fc.assert(fc.property(worldArb, ({ datasets, deleted }) => {
      const merged = mergeAll(datasets);
      for (const id of merged.tombstones.keys()) expect(merged.interviews.has(id)).toBe(false);
      for (const id of deleted) if (datasets.some((d) => d.tombstones.has(id))) expect(merged.interviews.has(id)).toBe(false);
    }), fcConfig);
  });

  it('keeps every value nobody saw overwritten — the winner, or in conflict with it — unless its interview was deleted', () => {
    fc.assert(fc.property(worldArb, ({ datasets, written }) => {
      const merged = mergeAll(datasets);
      const heads = new Map<string, Version[]>();
      for (const r of merged.interviews.values()) for (const reg of Object.values(r.fields)) for (const v of reg) heads.set(v.hlc, reg as Version[]);
      const everywhere = [...merged.interviews.values()].flatMap((r) => Object.values(r.fields).flat());
      for (const { id, version } of written) {
        if (merged.tombstones.has(id)) continue;
        const inDataset = datasets.some((d) => [...d.interviews.values()].some((r) => Object.values(r.fields).some((reg) => reg.some((v) => v.hlc === version.hlc))));
        if (!inDataset) continue;
        const kept = heads.has(version.hlc) || everywhere.some((v) => v.hlc !== version.hlc && hasSeen(v, version));
        expect(kept).toBe(true);
      }
    }), fcConfig);
  });

  it('survives the trip through bundle bytes unchanged', () => {
    fc.assert(fc.property(worldArb, ({ datasets }) => {
      const merged = mergeAll(datasets);
      const back = readBundle(writeBundle(merged, origin), bundleTime);
      expect(back.ok).toBe(true);
      // The writer's own label is its manifest's `device`, the others its `devices`.
      const others = new Map([...(merged.devices ?? [])].filter(([id]) => id !== origin.device.id));
      const writer = new Map([[origin.device.id, { name: origin.device.name, researcher: origin.researcher, at: origin.time.toISOString() }]]);
      if (back.ok) same(back.value.dataset, { ...merged, devices: mergeDirectories(others, writer) });
    }), fcConfig);
  });
});
