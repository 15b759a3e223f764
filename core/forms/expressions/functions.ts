/**
 * The functions form logic may call: XLSForm's usual ones plus a few that the built-in
 * instrument needs (mean of Likert answers, SIREN check). Each declares its arity, so that a
 * wrong call is reported when the form is loaded, not while a researcher fills it.
 */
import { isEmpty, isNumericText, toBoolean, toList, toNumber, toText, type Value } from './values';

export interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  /** Arguments evaluated on demand, so that `if()` and `coalesce()` evaluate only what they use. */
  readonly call: (args: readonly (() => Value)[], today: string) => Value;
}

const numbersIn = (args: readonly (() => Value)[]): number[] => {
  const out: number[] = [];
  for (const arg of args) {
    const value = arg();
    const items = Array.isArray(value) ? value : [value as Exclude<Value, readonly string[]>];
    for (const item of items) {
      if (typeof item === 'number' && Number.isFinite(item)) out.push(item);
      else if (typeof item === 'string' && isNumericText(item)) out.push(Number(item));
      else if (typeof item === 'boolean') out.push(item ? 1 : 0);
    }
  }
  return out;
};

const regexCache = new Map<string, RegExp>();
export function compileRegex(pattern: string): RegExp | null {
  const cached = regexCache.get(pattern);
  if (cached) return cached;
  try {
    const compiled = new RegExp(pattern, 'u');
    regexCache.set(pattern, compiled);
    return compiled;
  } catch {
    return null;
  }
}

/** French company number: nine digits whose Luhn sum is a multiple of ten. */
export function isValidSiren(text: string): boolean {
  const digits = text.replace(/\s/g, '');
  if (!/^\d{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    let digit = Number(digits.charAt(8 - i));
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

const arg = (args: readonly (() => Value)[], i: number): Value => args[i]?.() ?? '';
const fixed = (n: number, call: FunctionSpec['call']): FunctionSpec => ({ minArgs: n, maxArgs: n, call });
const many = 100;

export const functions: Readonly<Record<string, FunctionSpec>> = {
  selected: fixed(2, (a) => toList(arg(a, 0)).includes(toText(arg(a, 1)))),
  'count-selected': fixed(1, (a) => toList(arg(a, 0)).length),
  'selected-at': fixed(2, (a) => toList(arg(a, 0))[toNumber(arg(a, 1))] ?? ''),
  'string-length': fixed(1, (a) => Array.from(toText(arg(a, 0))).length),
  'normalize-space': fixed(1, (a) => toText(arg(a, 0)).trim().replace(/\s+/g, ' ')),
  contains: fixed(2, (a) => toText(arg(a, 0)).includes(toText(arg(a, 1)))),
  'starts-with': fixed(2, (a) => toText(arg(a, 0)).startsWith(toText(arg(a, 1)))),
  'ends-with': fixed(2, (a) => toText(arg(a, 0)).endsWith(toText(arg(a, 1)))),
  concat: { minArgs: 0, maxArgs: many, call: (a) => a.map((f) => toText(f())).join('') },
  if: fixed(3, (a) => (toBoolean(arg(a, 0)) ? arg(a, 1) : arg(a, 2))),
  coalesce: { minArgs: 2, maxArgs: many, call: (a) => {
    for (const f of a) {
      const value = f();
      if (!isEmpty(value)) return value;
    }
    return '';
  } },
  today: fixed(0, (_a, today) => today),
  not: fixed(1, (a) => !toBoolean(arg(a, 0))),
  true: fixed(0, () => true),
  false: fixed(0, () => false),
  boolean: fixed(1, (a) => toBoolean(arg(a, 0))),
  number: fixed(1, (a) => toNumber(arg(a, 0))),
  string: fixed(1, (a) => toText(arg(a, 0))),
  int: fixed(1, (a) => Math.trunc(toNumber(arg(a, 0)))),
  round: { minArgs: 1, maxArgs: 2, call: (a) => {
    const places = a.length > 1 ? toNumber(arg(a, 1)) : 0;
    const factor = 10 ** places;
    return Math.round(toNumber(arg(a, 0)) * factor) / factor;
  } },
  regex: fixed(2, (a) => {
    const pattern = compileRegex(toText(arg(a, 1)));
    return pattern !== null && pattern.test(toText(arg(a, 0)));
  }),
  count: fixed(1, (a) => {
    const value = arg(a, 0);
    return Array.isArray(value) ? value.length : isEmpty(value) ? 0 : 1;
  }),
  sum: { minArgs: 1, maxArgs: many, call: (a) => numbersIn(a).reduce((s, n) => s + n, 0) },
  mean: { minArgs: 1, maxArgs: many, call: (a) => {
    const numbers = numbersIn(a);
    return numbers.length === 0 ? '' : numbers.reduce((s, n) => s + n, 0) / numbers.length;
  } },
  min: { minArgs: 1, maxArgs: many, call: (a) => {
    const numbers = numbersIn(a);
    return numbers.length === 0 ? '' : Math.min(...numbers);
  } },
  max: { minArgs: 1, maxArgs: many, call: (a) => {
    const numbers = numbersIn(a);
    return numbers.length === 0 ? '' : Math.max(...numbers);
  } },
  siren: fixed(1, (a) => isValidSiren(toText(arg(a, 0)))),
};

/**
 * The function a form calls by this name, or undefined: only the table's own entries, never what
 * every object inherits (`toString`, `valueOf`, `constructor`…), which a tampered form could name.
 */
export const functionSpec = (name: string): FunctionSpec | undefined => (Object.hasOwn(functions, name) ? functions[name] : undefined);
