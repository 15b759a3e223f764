/** What a researcher may write as a third value in a conflict, given the question it answers. */
import type { CompiledForm } from '../../../../core/forms/model';
import type { FieldConflict } from '../../data';
import { nodeOfPath } from '../fill/labels';

/** What a third value may be: a text, a number (whole or not), or none (choices, lists and narratives are chosen among the versions). */
export type ThirdValue = 'text' | 'integer' | 'decimal' | null;

/** Cover fields written as free text; the others (status, role, dates, form, stamps) are chosen among the versions. */
const freeCoverFields: ReadonlySet<string> = new Set(['respondentName', 'firmName', 'commune', 'networkName', 'interviewer', 'territory']);

export function thirdValueKind(conflict: FieldConflict, form: CompiledForm | undefined): ThirdValue {
  if (!conflict.path.startsWith('answers.')) return freeCoverFields.has(conflict.path) ? 'text' : null;
  const node = form ? nodeOfPath(form, conflict.path.slice('answers.'.length)) : undefined;
  if (!node) return null;
  if (node.kind === 'text' || node.kind === 'other-text') return 'text';
  if (node.kind === 'integer' || node.kind === 'decimal') return node.kind;
  return null;
}

/** The value typed, as the question takes it; null when it is not one (empty, or not a number where one is needed). */
export function thirdValueOf(kind: ThirdValue, typed: string): string | number | null {
  const text = typed.trim();
  if (text === '' || kind === null) return null;
  if (kind === 'text') return text;
  const number = Number(text.replace(',', '.'));
  return Number.isFinite(number) && (kind !== 'integer' || Number.isInteger(number)) ? number : null;
}
