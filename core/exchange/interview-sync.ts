/**
 * The synchronised state of one interview: one register per field. Local saves stamp the fields
 * they change; merges combine registers field by field; the interview shown is rebuilt from the
 * winners. A cleared field is a write of `null`, so that clearing also travels.
 */
import { restoreInterview } from '../records/interview-restore';
import type { Interview } from '../records/interview';
import type { Hlc } from './hlc';
import { answersFromFields, changedPaths, fieldValue, flattenInterview, syncedScalarFields, type FlatFields } from './interview-fields';
import { mergeRegisters, writeRegister, type Register } from './register';

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
  const next: Record<string, Register> = { ...a };
  for (const [path, register] of Object.entries(b)) {
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

/** The interview the registers describe; local-only fields come from the local copy when there is one. */
export function interviewFromRegisters(id: string, registers: FieldRegisters, local: Pick<Interview, 'lastPath' | 'updatedAt'> | null): Interview | null {
  const fields = winningFields(registers);
  const scalars = Object.fromEntries(syncedScalarFields.filter((f) => f in fields).map((f) => [f, fields[f]]));
  return restoreInterview({
    ...scalars,
    id,
    answers: answersFromFields(fields),
    lastPath: local?.lastPath ?? '',
    updatedAt: local?.updatedAt ?? (typeof fields['createdAt'] === 'string' ? fields['createdAt'] : ''),
  });
}

/** Fields where researchers disagree: more than one head. */
export function conflictingPaths(registers: FieldRegisters): string[] {
  return Object.entries(registers).filter(([, r]) => r.length > 1).map(([path]) => path).sort();
}
