/**
 * How one answer becomes a cell: numbers stay numbers, choices are codes or labels, Likert points
 * are the numbers 1–5 while "don't know" and "refused" stay outside the scale as codes or words.
 */
import type { Value } from '../forms/expressions/values';
import type { InterviewSummary } from '../records/interview';
import { isLongTextAnswer, type AnswerValue, type Answers } from '../forms/answers';
import type { FormValues, ItemScope, NodeValue } from '../forms/engine';
import type { PendingPseudonym } from './pseudonyms';
import type { Cell, CodeLabel, LabelMode } from './types';
import { labelOf } from './vocabulary';

/** Where a row reads from: an interview, its form's values, and the repeat item for repeat tables. */
export interface RowContext {
  readonly interview: InterviewSummary;
  readonly values: FormValues;
  /** The shown value of each question of the row's table, by question index (see FormValues.shownValues). */
  readonly shown: readonly (Value | undefined)[];
  readonly item?: { readonly repeat: string; readonly id: string; readonly index: number; readonly answers: Answers; readonly scope: ItemScope };
}

/** A cell, or a name that will become a pseudonym once the whole export is known. */
export type RawCell = Cell | PendingPseudonym;

/** The node's state when it is shown; hidden and unknown questions export as empty. */
export function visibleState(row: RowContext, name: string): NodeValue | undefined {
  const state = row.values.node(name, row.item?.scope);
  return state?.isVisible === true ? state : undefined;
}

/** The value of the question at `index` in its form (see questionIndex), or undefined when it is hidden. */
export function visibleValueAt(row: RowContext, index: number): Value | undefined {
  return row.shown[index];
}

/** The stored answer to the question at `index` (see questionIndex), named `name`, in the row's item or interview. */
export function rawAnswer(row: RowContext, name: string, index: number): AnswerValue | undefined {
  return row.item ? row.item.answers[name] : row.values.stored(index);
}

const round = (n: number) => Math.round(n * 1e10) / 1e10;

export function textCell(value: string): Cell {
  return value === '' ? null : value;
}

export function codeCell(code: string, codes: readonly CodeLabel[] | undefined, labels: LabelMode): Cell {
  if (code === '') return null;
  return labels === 'codes' ? code : labelOf(codes, code, labels);
}

export function codesCell(values: readonly string[], codes: readonly CodeLabel[] | undefined, labels: LabelMode): Cell {
  if (values.length === 0) return null;
  return labels === 'codes' ? values.join(' ') : values.map((v) => labelOf(codes, v, labels)).join('; ');
}

export function likertCell(value: Value, codes: readonly CodeLabel[], labels: LabelMode): Cell {
  if (typeof value !== 'string' || value === '') return null;
  if (/^[1-5]$/.test(value)) return Number(value);
  return codeCell(value, codes, labels);
}

/** An answer typed as a number, or a calculation's result. */
export function numberCell(value: Value): Cell {
  if (typeof value === 'number') return Number.isFinite(value) ? round(value) : null;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return value === '' ? null : value;
  return value.length === 0 ? null : value.join(' ');
}

/** A narrative answer's parts, each checked (a stored answer may come from an old or tampered record). */
export function longTextParts(raw: AnswerValue | undefined): { readonly text: string; readonly lang: string; readonly translation: string } | undefined {
  if (typeof raw === 'string') return { text: raw, lang: '', translation: '' };
  if (!isLongTextAnswer(raw)) return undefined;
  const { lang, translation } = raw as { readonly lang?: unknown; readonly translation?: unknown };
  const translated = typeof translation === 'object' && translation !== null ? (translation as { readonly text?: unknown }).text : undefined;
  return { text: raw.text, lang: typeof lang === 'string' ? lang : '', translation: typeof translated === 'string' ? translated : '' };
}

export const asList = (value: Value): readonly string[] => (Array.isArray(value) ? (value as readonly string[]) : []);
