/** A conflict as the researcher reads it — the question's label, choices by their labels — and what may be written as a third value. */
import { isLikertCode } from '../../../../core/forms/answers';
import type { CompiledForm } from '../../../../core/forms/model';
import type { Choice } from '../../../../core/forms/schema';
import { parseIsoDate } from '../../../../core/shared/dates';
import type { Language } from '../../../../core/shared/language';
import type { FieldConflict } from '../../data';
import { nodeOfPath, pathLabel } from '../fill/labels';

/**
 * What a third value may be, as the question takes it: a text, a number (whole or not), a date,
 * one of the question's choices, several of them, a point of the five-point scale; or none
 * (narratives, rankings, lists of items and fields the app sets are chosen among the versions).
 */
export type ThirdValue =
  | { readonly kind: 'text' | 'integer' | 'decimal' | 'date' | 'likert' }
  | { readonly kind: 'choice' | 'choices'; readonly choices: readonly Choice[] }
  | null;

/** Cover fields written as free text; the others (status, role, dates, form, stamps) are chosen among the versions. */
const freeCoverFields: ReadonlySet<string> = new Set(['respondentName', 'firmName', 'commune', 'networkName', 'interviewer', 'territory']);

export function thirdValueKind(conflict: FieldConflict, form: CompiledForm | undefined): ThirdValue {
  if (!conflict.path.startsWith('answers.')) return freeCoverFields.has(conflict.path) ? { kind: 'text' } : null;
  const node = form ? nodeOfPath(form, conflict.path.slice('answers.'.length)) : undefined;
  if (!node) return null;
  switch (node.kind) {
    case 'text':
    case 'other-text':
      return { kind: 'text' };
    case 'integer':
    case 'decimal':
    case 'date':
      return { kind: node.kind };
    case 'likert5':
    case 'matrix-item':
      return { kind: 'likert' };
    case 'single-choice':
      return node.choices?.length ? { kind: 'choice', choices: node.choices } : null;
    case 'multiple-choice':
      return node.choices?.length ? { kind: 'choices', choices: node.choices } : null;
    default:
      return null;
  }
}

/**
 * The value given, as the question takes it; null when it is not one (empty, not a number where
 * one is needed, not a date, not one of the choices). `given`: what was typed or chosen; the
 * codes ticked for several choices (kept in the form's order).
 */
export function thirdValueOf(kind: ThirdValue, given: string | readonly string[]): string | number | readonly string[] | null {
  if (kind === null) return null;
  if (kind.kind === 'choices') {
    const ticked = new Set(typeof given === 'string' ? [given] : given);
    const codes = kind.choices.map((choice) => choice.value).filter((code) => ticked.has(code));
    return codes.length > 0 ? codes : null;
  }
  if (typeof given !== 'string') return null;
  const text = given.trim();
  if (text === '') return null;
  switch (kind.kind) {
    case 'text':
      return text;
    case 'date':
      return parseIsoDate(text) ? text : null;
    case 'likert':
      return isLikertCode(text) ? text : null;
    case 'choice':
      return kind.choices.some((choice) => choice.value === text) ? text : null;
    case 'integer':
    case 'decimal': {
      const number = Number(text.replace(',', '.'));
      return Number.isFinite(number) && (kind.kind !== 'integer' || Number.isInteger(number)) ? number : null;
    }
  }
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
