/** A conflict as the researcher reads it — the question's label, choices by their labels — and what may be written as a third value. */
import type { CompiledForm } from '../../../../core/forms/model';
import type { Language } from '../../../../core/shared/language';
import type { FieldConflict } from '../../data';
import { nodeOfPath, pathLabel } from '../fill/labels';

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

/** The question a conflict is about, by its label ("Partenaire · Nom"); a cover field by `coverLabel`; the raw path otherwise. */
export function conflictFieldLabel(conflict: FieldConflict, form: CompiledForm | undefined, lang: Language, coverLabel: (field: string) => string | undefined): string {
  if (!conflict.path.startsWith('answers.')) return coverLabel(conflict.path) ?? conflict.path;
  const path = conflict.path.slice('answers.'.length);
  return form ? pathLabel(form, {}, path, lang) : path;
}

/** A version's value with its choices' labels (codes the form does not know stay as they are); null where the question has no choices. */
export function choiceLabels(conflict: FieldConflict, form: CompiledForm | undefined, value: unknown, lang: Language): string | null {
  if (!form || !conflict.path.startsWith('answers.')) return null;
  const choices = nodeOfPath(form, conflict.path.slice('answers.'.length))?.choices;
  if (!choices) return null;
  const label = (code: unknown) => (typeof code === 'string' ? choices.find((c) => c.value === code)?.label[lang] ?? code : String(code));
  if (Array.isArray(value)) return value.map(label).join(', ');
  return typeof value === 'string' && value !== '' ? label(value) : null;
}
