/**
 * The synchronised state of one interview: one register per field. Local saves stamp the fields
 * they change; merges combine registers field by field; the interview shown is rebuilt from the
 * winners. A cleared field is a write of `null`, so that clearing also travels.
 */
import { restoreInterview } from '../records/interview-restore';
import type { Interview, InterviewSummary } from '../records/interview';
import type { Hlc } from './hlc';
import type { AnswerName, AnswerValue, RepeatInstance } from '../forms/answers';
import { changedPaths, fieldValue, flattenInterview, syncedScalarFields, type FlatFields } from './interview-fields';
import { isInConflict, mergeRegisters, writeRegister, type Register } from './register';

export type FieldRegisters = Readonly<Record<string, Register>>;

/**
 * Stamps every field that changed between two versions of an interview with one new stamp. When
 * the caller knows which fields it touched (`candidates`), only those are compared — a keystroke
 * in one answer does not flatten a 300-answer interview twice.
 */
export function stampChanges(registers: FieldRegisters, before: Interview | null, after: Interview, hlc: Hlc, candidates?: readonly string[]): FieldRegisters {
  if (candidates && before) {
    const next: Record<string, Register> = { ...registers };
    let changed = false;
    for (const path of candidates) {
      const value = fieldValue(after, path);
      if (JSON.stringify(value) === JSON.stringify(fieldValue(before, path))) continue;
      next[path] = writeRegister(registers[path] ?? [], value ?? null, hlc);
      changed = true;
    }
    return changed ? next : registers;
  }
  const paths = changedPaths(before ? flattenInterview(before) : {}, flattenInterview(after));
  if (paths.length === 0) return registers;
  const flatAfter = flattenInterview(after);
  const next: Record<string, Register> = { ...registers };
  for (const path of paths) next[path] = writeRegister(registers[path] ?? [], flatAfter[path] ?? null, hlc);
  return next;
}

const sameWrites = (a: Register, b: Register): boolean => a.length === b.length && a.every((v, i) => v.hlc === b[i]?.hlc);

export function mergeFieldRegisters(a: FieldRegisters, b: FieldRegisters): FieldRegisters {
  // Plain loops rather than spreads and entries: these objects hold hundreds of fields.
  const next: Record<string, Register> = {};
  for (const path in a) next[path] = a[path] as Register;
  for (const path in b) {
    const register = b[path] as Register;
    const mine = a[path];
    next[path] = mine === undefined ? register : mine === register || sameWrites(mine, register) ? mine : mergeRegisters(mine, register);
  }
  return next;
}

/** The winning value of each field (cleared fields left out). */
export function winningFields(registers: FieldRegisters): FlatFields {
  const fields: Record<string, unknown> = {};
  for (const [path, register] of Object.entries(registers)) {
    const winner = register[0];
    if (winner && winner.value !== null && winner.value !== undefined) fields[path] = winner.value;
  }
  return fields;
}

const namePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names that would reach an object's prototype: never kept (readers refuse bundles that hold them; this is the last guard). */
const forbiddenNames: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const isPlainName = (name: string): boolean => namePattern.test(name) && !forbiddenNames.has(name);
const itemPattern = /^[A-Za-z0-9-]{1,64}$/;
const scalarNames: ReadonlySet<string> = new Set(syncedScalarFields);

interface ItemDraft {
  present: boolean;
  readonly answers: Record<string, AnswerValue>;
}

/** Calls `visit` with each field's path and winning value. */
export type WinnerWalk = (visit: (path: string, value: unknown) => void) => void;

/** What a path without brackets names: a scalar field, an answer (its name), or nothing to keep. */
type PlainPath = { readonly kind: 'scalar'; readonly name: string } | (AnswerName & { readonly kind: 'answer' }) | null;

function plainPath(path: string): PlainPath {
  if (!path.startsWith('answers.')) return scalarNames.has(path) ? { kind: 'scalar', name: path } : null;
  return isPlainName(path.slice(8)) ? { kind: 'answer', name: path.slice(8), lookedUpIn: null, index: -1 } : null;
}

/**
 * Paths recur in every interview of a bundle: each is read once (and each name checked once).
 * Bounded, so that a hostile bundle full of distinct paths cannot make them grow without end.
 * Each plain path also keeps the one that followed it in the last interview read: the next
 * interview mostly has the same paths in the same order, so most paths are recognised by
 * comparing two strings rather than by hashing one to look it up.
 */
interface KnownPath {
  readonly path: string;
  readonly plain: PlainPath;
  next: KnownPath | null;
}
const knownPaths = new Map<string, KnownPath>();
const validNames = new Set<string>();
const cacheLimit = 4096;
const start: KnownPath = { path: '', plain: null, next: null };

/** The path's entry; one that the bounded cache could not keep is linked from no other. */
function knownPath(path: string, last: KnownPath): KnownPath {
  let known = knownPaths.get(path);
  if (!known) {
    known = { path, plain: plainPath(path), next: null };
    if (knownPaths.size >= cacheLimit) return known;
    knownPaths.set(path, known);
  }
  last.next = known;
  return known;
}

function isName(name: string): boolean {
  if (validNames.has(name)) return true;
  if (!isPlainName(name)) return false;
  if (validNames.size < cacheLimit) validNames.add(name);
  return true;
}

/**
 * What follows an item's brackets in its fields' paths (`.name`), and the name it holds (null for
 * anything else): the items of a group list the same fields in the same order, so each suffix
 * also keeps the one that followed it, and is recognised in place, without cutting the path.
 */
interface KnownSuffix {
  readonly suffix: string;
  readonly name: string | null;
  next: KnownSuffix | null;
}
const knownSuffixes = new Map<string, KnownSuffix>();
const itemStart: KnownSuffix = { suffix: '', name: null, next: null };

function knownSuffix(suffix: string, last: KnownSuffix): KnownSuffix {
  let known = knownSuffixes.get(suffix);
  if (!known) {
    known = { suffix, name: suffix.startsWith('.') && isName(suffix.slice(1)) ? suffix.slice(1) : null, next: null };
    if (knownSuffixes.size >= cacheLimit) return known;
    knownSuffixes.set(suffix, known);
  }
  last.next = known;
  return known;
}

/** Answers listed as met rather than keyed by name (see ListedInterview). */
interface AnswerList {
  readonly names: AnswerName[];
  readonly values: AnswerValue[];
}

/**
 * The interview that fields' winning values describe (cleared fields, null, left out); local-only
 * fields come from the local copy when there is one. The same as restoring
 * `answersFromFields(winningFields(…))` and the scalars, in one pass: imports and exports run it
 * on every interview of a bundle.
 */
export function interviewFromWinners(id: string, walk: WinnerWalk, local: Pick<Interview, 'lastPath' | 'updatedAt'> | null): Interview | null {
  return readWinners(id, walk, local, null)?.interview ?? null;
}

/**
 * An interview read from its fields' winning values with its answers listed (names and values
 * in the order met, then each repeat group's items) rather than put in an object keyed by
 * hundreds of names: exports index them by question (indexAnswers in core/forms).
 */
export interface ListedInterview {
  readonly listed: true;
  readonly interview: InterviewSummary;
  readonly names: readonly AnswerName[];
  readonly values: readonly AnswerValue[];
  readonly groups: readonly (readonly [string, readonly RepeatInstance[]])[];
}

/** What interviewFromWinners reads, its answers listed (see ListedInterview). */
export function listedInterviewFromWinners(id: string, walk: WinnerWalk): ListedInterview | null {
  const list: AnswerList = { names: [], values: [] };
  const read = readWinners(id, walk, null, list);
  return read && { listed: true, interview: read.interview, names: list.names, values: list.values, groups: read.groups };
}

/** `list`: where plain answers go, rather than into the interview's answers (which then holds no repeat group either). */
function readWinners(id: string, walk: WinnerWalk, local: Pick<Interview, 'lastPath' | 'updatedAt'> | null, list: AnswerList | null): { readonly interview: Interview; readonly groups: [string, RepeatInstance[]][] } | null {
  const scalars: Record<string, unknown> = {};
  const answers: Record<string, AnswerValue> = {};
  const repeats = new Map<string, Map<string, ItemDraft>>();
  // Fields come sorted by path: an item's fields follow one another, and share its prefix.
  let itemPrefix = '';
  let itemDraft: ItemDraft | null = null;
  let lastSuffix = itemStart;
  let last = start;
  walk((path, value) => {
    const following = last.next;
    // The path that followed the last one the last time is nearly always this one: one comparison.
    const predicted = following !== null && following.path === path;
    if (predicted || path.indexOf('[') < 0) {
      const known = predicted ? following : knownPath(path, last);
      last = known;
      const { plain } = known;
      if (value === null || value === undefined) return;
      if (plain?.kind === 'scalar') scalars[plain.name] = value;
      else if (!plain) return;
      else if (list) {
        list.names.push(plain);
        list.values.push(value as AnswerValue);
      } else answers[plain.name] = value as AnswerValue;
      return;
    }
    if (value === null || value === undefined) return;
    // Prefixes and suffixes compared as slices: V8's startsWith and endsWith are several times slower, here on every field of every item.
    if (!itemDraft || path.slice(0, itemPrefix.length) !== itemPrefix) {
      const bracket = path.indexOf('[');
      const close = path.indexOf(']', bracket);
      if (close < 0 || bracket < 8 || !path.startsWith('answers.')) return;
      const name = path.slice(8, bracket);
      const item = path.slice(bracket + 1, close);
      const after = path.slice(close + 1);
      // A field the item cannot hold leaves no trace (no empty item, no repeat), as before.
      if (!isName(name) || !itemPattern.test(item) || (after !== '' && !(after.startsWith('.') && isName(after.slice(1))))) return;
      let byId = repeats.get(name);
      if (!byId) repeats.set(name, (byId = new Map<string, ItemDraft>()));
      const known = byId.get(item);
      itemDraft = known ?? { present: false, answers: {} };
      if (!known) byId.set(item, itemDraft);
      itemPrefix = path.slice(0, close + 1);
      lastSuffix = itemStart;
    }
    const at = itemPrefix.length;
    if (path.length === at) {
      itemDraft.present ||= value === true;
      return;
    }
    const next = lastSuffix.next;
    const suffix = next !== null && path.length === at + next.suffix.length && path.slice(at) === next.suffix ? next : knownSuffix(path.slice(at), lastSuffix);
    lastSuffix = suffix;
    if (suffix.name !== null) itemDraft.answers[suffix.name] = value as AnswerValue;
  });
  const groups: [string, RepeatInstance[]][] = [];
  for (const [name, byId] of repeats) {
    // Items in id order: fields come sorted by path, so they nearly always are already.
    const instances: RepeatInstance[] = [];
    let sorted = true;
    for (const [item, draft] of byId) {
      if (!draft.present) continue;
      const before = instances[instances.length - 1];
      if (before !== undefined && !(before.id < item)) sorted = false;
      instances.push({ id: item, answers: draft.answers });
    }
    if (!sorted) instances.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (instances.length === 0) continue;
    if (list) groups.push([name, instances]);
    else answers[name] = instances;
  }
  const createdAt = scalars['createdAt'];
  // The scalars are only synced fields (scalarNames): none of these four is among them.
  scalars['id'] = id;
  scalars['answers'] = answers;
  scalars['lastPath'] = local?.lastPath ?? '';
  scalars['updatedAt'] = local?.updatedAt ?? (typeof createdAt === 'string' ? createdAt : '');
  const interview = restoreInterview(scalars);
  return interview && { interview, groups };
}

/** The interview the registers describe (see interviewFromWinners). */
export function interviewFromRegisters(id: string, registers: FieldRegisters, local: Pick<Interview, 'lastPath' | 'updatedAt'> | null): Interview | null {
  return interviewFromWinners(id, (visit) => {
    for (const path in registers) visit(path, registers[path]?.[0]?.value);
  }, local);
}

/** Whether any field is in conflict (conflictingPaths, without listing them). */
export function hasConflict(registers: FieldRegisters): boolean {
  for (const path in registers) if (isInConflict(registers[path] ?? [])) return true;
  return false;
}

/** Fields where researchers disagree: heads that hold different values (see isInConflict). */
export function conflictingPaths(registers: FieldRegisters): string[] {
  return Object.entries(registers).filter(([, r]) => isInConflict(r)).map(([path]) => path).sort();
}
