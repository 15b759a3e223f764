import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createHlcClock, compareHlc, formatHlc, parseHlc } from '../../../core/exchange/hlc';
import { hasSeen, mergeRegisters, writeRegister, type Register, type Version } from '../../../core/exchange/register';

const fcConfig = { seed: 4242, numRuns: 1000 };

/**
 * Replicas that write and exchange in random order. The arbitrary is a script of steps; playing
 * it gives each replica's register and every version ever written.
 */
type Step = { kind: 'write'; replica: number; value: string } | { kind: 'send'; from: number; to: number };
const stepArb = (replicas: number): fc.Arbitrary<Step> =>
  fc.oneof(
    fc.record({ kind: fc.constant('write' as const), replica: fc.nat(replicas - 1), value: fc.constantFrom('a', 'b', 'c', 'd') }),
    fc.record({ kind: fc.constant('send' as const), from: fc.nat(replicas - 1), to: fc.nat(replicas - 1) }),
  );

function play(replicas: number, steps: readonly Step[]) {
  let time = 1_700_000_000_000;
  const clocks = Array.from({ length: replicas }, (_, i) => createHlcClock(`device-${i}`, () => (time += 3)));
  const registers: Register[] = Array.from({ length: replicas }, () => []);
  const written: Version[] = [];
  for (const step of steps) {
    if (step.kind === 'write') {
      const register = writeRegister(registers[step.replica] ?? [], step.value, clocks[step.replica]?.next() ?? '');
      registers[step.replica] = register;
      if (register[0]) written.push(register[0]);
    } else {
      const incoming = registers[step.from] ?? [];
      for (const v of incoming) clocks[step.to]?.receive(v.hlc);
      registers[step.to] = mergeRegisters(registers[step.to] ?? [], incoming);
    }
  }
  return { registers, written };
}

const registerArb = fc.integer({ min: 2, max: 5 }).chain((n) => fc.array(stepArb(n), { maxLength: 30 }).map((steps) => play(n, steps)));

describe('hybrid logical clocks', () => {
  it('format and parse back, and sort like their parts', () => {
    fc.assert(fc.property(fc.nat(2 ** 40), fc.nat(60_000), fc.constantFrom('a', 'laptop-1'), (wall, counter, device) => {
      const stamp = formatHlc({ wall, counter, device });
      expect(parseHlc(stamp)).toEqual({ wall, counter, device });
    }), fcConfig);
  });

  it('never go backwards, even when the wall clock does, and come after what they received', () => {
    let now = 1000;
    const clock = createHlcClock('a', () => now);
    const first = clock.next();
    now = 10;
    const second = clock.next();
    expect(compareHlc(second, first)).toBe(1);
    clock.receive(formatHlc({ wall: 5000, counter: 7, device: 'b' }));
    expect(compareHlc(clock.next(), formatHlc({ wall: 5000, counter: 7, device: 'b' }))).toBe(1);
  });
});

describe('multi-value registers', () => {
  it('merge commutatively, associatively and idempotently', () => {
    fc.assert(fc.property(registerArb, ({ registers }) => {
      const [a = [], b = [], c = []] = registers;
      expect(mergeRegisters(a, b)).toEqual(mergeRegisters(b, a));
      expect(mergeRegisters(mergeRegisters(a, b), c)).toEqual(mergeRegisters(a, mergeRegisters(b, c)));
      expect(mergeRegisters(a, a)).toEqual(a);
      expect(mergeRegisters(mergeRegisters(a, b), b)).toEqual(mergeRegisters(a, b));
    }), fcConfig);
  });

  it('converge once every replica has heard from every other, whatever the order', () => {
    fc.assert(fc.property(registerArb, fc.context(), ({ registers }, ctx) => {
      const everything = registers.reduce<Register>((acc, r) => mergeRegisters(acc, r), []);
      const reversed = [...registers].reverse().reduce<Register>((acc, r) => mergeRegisters(acc, r), []);
      ctx.log(JSON.stringify(everything));
      expect(reversed).toEqual(everything);
    }), fcConfig);
  });

  it('keep every write that nobody saw: it is the winner or in conflict with it', () => {
    fc.assert(fc.property(registerArb, ({ registers, written }) => {
      const merged = registers.reduce<Register>((acc, r) => mergeRegisters(acc, r), []);
      const reachable = written.filter((w) => registers.some((r) => r.some((v) => v.hlc === w.hlc) || r.some((v) => hasSeen(v, w))));
      for (const version of reachable) {
        const isHead = merged.some((v) => v.hlc === version.hlc);
        const isSeen = merged.some((v) => v.hlc !== version.hlc && hasSeen(v, version));
        expect(isHead || isSeen).toBe(true);
      }
      for (const head of merged) expect(merged.filter((v) => v !== head && hasSeen(v, head))).toEqual([]);
    }), fcConfig);
  });

  it('resolve a conflict with a local write that replaces every head', () => {
    const a = writeRegister([], 'Annecy', formatHlc({ wall: 1, counter: 0, device: 'a' }));
    const b = writeRegister([], 'Cluses', formatHlc({ wall: 2, counter: 0, device: 'b' }));
    const both = mergeRegisters(a, b);
    expect(both.map((v) => v.value)).toEqual(['Cluses', 'Annecy']);
    const chosen = writeRegister(both, 'Annecy', formatHlc({ wall: 3, counter: 0, device: 'a' }));
    expect(mergeRegisters(chosen, b).map((v) => v.value)).toEqual(['Annecy']);
    expect(mergeRegisters(chosen, a)).toEqual(chosen);
  });
});
