/**
 * One field's value as replicas see it: a multi-value register. Each write carries its stamp and
 * what its writer had seen of that field (a small version vector). Merging two registers keeps
 * every write that no other kept write has seen: usually one (the winner), and more when
 * researchers changed the same field without seeing each other's change — a conflict, shown with
 * both values until someone chooses (unless both wrote the same value: see isInConflict).
 * Merging is a union followed by removing what was seen, so it is commutative, associative and
 * idempotent.
 */
import { canonicalJson } from './bundle/canonical-json';
import { compareHlc, deviceOf, type Hlc } from './hlc';

/** What a writer had seen: for each device, the greatest stamp of that device. */
export type Seen = Readonly<Record<string, Hlc>>;

export interface Version {
  readonly value: unknown;
  readonly hlc: Hlc;
  /** The writer's knowledge of this field besides its own write (absent when nothing else). */
  readonly seen?: Seen;
}

/** Heads, newest stamp first: the first is the value shown; the others are in conflict with it. */
export type Register = readonly Version[];

function contextOf(version: Version): Seen {
  return { ...version.seen, [deviceOf(version.hlc)]: version.hlc };
}

/** True when `later`'s writer had seen `earlier` (or it is the same write). */
export function hasSeen(later: Version, earlier: Version): boolean {
  const known = contextOf(later)[deviceOf(earlier.hlc)];
  return known !== undefined && compareHlc(earlier.hlc, known) <= 0;
}

const byNewest = (a: Version, b: Version) => compareHlc(b.hlc, a.hlc);

export function mergeRegisters(a: Register, b: Register): Register {
  const all = new Map<Hlc, Version>();
  for (const version of [...a, ...b]) if (!all.has(version.hlc)) all.set(version.hlc, version);
  const versions = [...all.values()];
  return versions.filter((v) => !versions.some((w) => w.hlc !== v.hlc && hasSeen(w, v))).sort(byNewest);
}

/** A local write: it has seen every current head, so it replaces them all (and resolves a conflict). */
export function writeRegister(register: Register, value: unknown, hlc: Hlc): Register {
  const own = deviceOf(hlc);
  const seen: Record<string, Hlc> = {};
  for (const head of register) {
    for (const [device, stamp] of Object.entries(contextOf(head))) {
      const current = seen[device];
      if (device !== own && (current === undefined || compareHlc(stamp, current) > 0)) seen[device] = stamp;
    }
  }
  return Object.keys(seen).length > 0 ? [{ value, hlc, seen }] : [{ value, hlc }];
}

export const winnerOf = (register: Register): Version | undefined => register[0];
/** Two writes hold the same value (the same JSON, whatever the order of its keys). */
export const sameValue = (a: unknown, b: unknown): boolean => a === b || canonicalJson(a) === canonicalJson(b);

/**
 * Heads that hold different values: a conflict for the researcher to settle. Two researchers who
 * wrote the same value without seeing each other's write leave two heads but nothing to choose;
 * the next write of the field replaces both, as it would a conflict.
 */
export const isInConflict = (register: Register): boolean => {
  const shown = register[0];
  if (shown === undefined) return false;
  for (let i = 1; i < register.length; i++) if (!sameValue((register[i] as Version).value, shown.value)) return true;
  return false;
};
