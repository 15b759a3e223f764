/**
 * Numbers as researchers type them: a French comma or an English point, spaces between
 * thousands. Displayed without grouping, so that a year reads 1998, not 1 998.
 */
import type { Language } from '../../../../core/shared/language';

export type ParsedNumber =
  | { readonly kind: 'empty' }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'invalid'; readonly reason: 'number' | 'integer' };

const numberPattern = /^[-+]?(\d+\.?\d*|\.\d+)$/;

export function parseNumberText(text: string, isInteger: boolean): ParsedNumber {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return { kind: 'empty' };
  if (compact.includes(',') && compact.includes('.')) return { kind: 'invalid', reason: 'number' };
  const normalised = compact.replace(',', '.');
  if (!numberPattern.test(normalised)) return { kind: 'invalid', reason: 'number' };
  const value = Number(normalised);
  if (!Number.isFinite(value)) return { kind: 'invalid', reason: 'number' };
  if (isInteger && !Number.isInteger(value)) return { kind: 'invalid', reason: 'integer' };
  return { kind: 'number', value };
}

/** 12.5 → "12,5" in French, "12.5" in English; no thousands separator. */
export function formatPlainNumber(value: number, lang: Language): string {
  const text = String(value);
  return lang === 'fr' ? text.replace('.', ',') : text;
}
