/**
 * Values that form logic computes with, and XPath's rules for turning one kind into another:
 * an unanswered question is the empty string, a multiple choice is a list of codes, a boolean
 * counts as 1 or 0 in arithmetic.
 */
export type Value = string | number | boolean | readonly string[];

const numericPattern = /^\s*-?(\d+\.?\d*|\.\d+)\s*$/;

export function isNumericText(text: string): boolean {
  return numericPattern.test(text);
}

export function toNumber(value: Value): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') return isNumericText(value) ? Number(value) : Number.NaN;
  return value.length === 1 && value[0] !== undefined ? toNumber(value[0]) : Number.NaN;
}

/** Numbers print without a trailing ".0"; not-a-number prints as empty (no answer). */
export function toText(value: Value): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e10) / 1e10) : '';
  return value.join(' ');
}

export function toBoolean(value: Value): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return value.length > 0;
}

/** A multiple choice's codes, whether stored as a list or as XLSForm's space-separated text. */
export function toList(value: Value): readonly string[] {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return value;
  const text = toText(value).trim();
  return text === '' ? [] : text.split(/\s+/);
}

export function isEmpty(value: Value): boolean {
  if (typeof value === 'string') return value.trim() === '';
  if (typeof value === 'number') return Number.isNaN(value);
  if (typeof value === 'boolean') return false;
  return value.length === 0;
}
