/**
 * Hybrid logical clocks: every change carries a stamp that is greater than every stamp its
 * writer had seen, and close to wall-clock time. Stamps are strings that sort in causal order:
 * 9 base-36 digits of milliseconds, 5 of a counter, then the device id.
 *
 * (Kulkarni et al., "Logical Physical Clocks", 2014.)
 */
export type Hlc = string;

const wallDigits = 9;
const counterDigits = 5;
const pad = (n: number, width: number) => n.toString(36).padStart(width, '0');

export interface HlcParts {
  readonly wall: number;
  readonly counter: number;
  readonly device: string;
}

export const deviceIdPattern = /^[a-z0-9-]{1,40}$/;

export function formatHlc(parts: HlcParts): Hlc {
  return `${pad(parts.wall, wallDigits)}.${pad(parts.counter, counterDigits)}.${parts.device}`;
}

export function parseHlc(stamp: string): HlcParts | null {
  const match = /^([0-9a-z]{9})\.([0-9a-z]{5})\.([a-z0-9-]{1,40})$/.exec(stamp);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  return { wall: parseInt(match[1], 36), counter: parseInt(match[2], 36), device: match[3] };
}

export const deviceOf = (stamp: Hlc): string => stamp.slice(wallDigits + counterDigits + 2);
export const wallOf = (stamp: Hlc): number => parseInt(stamp.slice(0, wallDigits), 36);

/** Stamps compare as strings; ties are impossible between devices (the id is part of it). */
export const compareHlc = (a: Hlc, b: Hlc): number => (a < b ? -1 : a > b ? 1 : 0);
export const maxHlc = (a: Hlc, b: Hlc): Hlc => (a >= b ? a : b);

export interface HlcClock {
  /** A stamp for a local change. */
  next(): Hlc;
  /** Takes in a stamp seen from another device, so that later local stamps come after it. */
  receive(stamp: Hlc): void;
  readonly device: string;
}

export function createHlcClock(device: string, now: () => number, last?: Hlc): HlcClock {
  if (!deviceIdPattern.test(device)) throw new Error(`invalid device id: ${device}`);
  let wall = 0;
  let counter = 0;
  const seen = last ? parseHlc(last) : null;
  if (seen) {
    wall = seen.wall;
    counter = seen.counter;
  }
  return {
    device,
    next() {
      const physical = now();
      if (physical > wall) {
        wall = physical;
        counter = 0;
      } else {
        counter += 1;
      }
      return formatHlc({ wall, counter, device });
    },
    receive(stamp) {
      const remote = parseHlc(stamp);
      if (!remote) return;
      const physical = now();
      const top = Math.max(wall, remote.wall, physical);
      if (top === wall && top === remote.wall) counter = Math.max(counter, remote.counter) + 1;
      else if (top === wall) counter += 1;
      else if (top === remote.wall) counter = remote.counter + 1;
      else counter = 0;
      wall = top;
    },
  };
}
