/** Evaluates an {@link Expr} with XPath's comparison and arithmetic rules. Pure; no eval. */
import type { Expr } from './ast';
import { functions } from './functions';
import { isNumericText, toBoolean, toNumber, toText, type Value } from './values';

export interface EvalContext {
  /** The answer (or computed value) of another question; '' when unanswered or hidden. */
  resolve(name: string): Value;
  /** The answer under a constraint, for `.`. */
  readonly current?: Value;
  /** A choice's attribute, for bare names in a choice filter. */
  attribute?(name: string): Value;
  /** Today's date, YYYY-MM-DD, passed in so that evaluation is deterministic. */
  readonly today: string;
}

const isTextual = (value: Value): boolean => typeof value === 'string' && !isNumericText(value);

function equals(left: Value, right: Value): boolean {
  if (typeof left === 'boolean' || typeof right === 'boolean') return toBoolean(left) === toBoolean(right);
  if (typeof left === 'number' || typeof right === 'number') {
    // '' = 0 is false in XPath: the empty answer is not a number.
    return toNumber(left) === toNumber(right);
  }
  return toText(left) === toText(right);
}

/** Dates (YYYY-MM-DD) and other texts compare as text; everything else as numbers. */
function compare(left: Value, right: Value, test: (order: number) => boolean): boolean {
  if (isTextual(left) && isTextual(right)) {
    const a = toText(left);
    const b = toText(right);
    if (a === '' || b === '') return false;
    return test(a < b ? -1 : a > b ? 1 : 0);
  }
  const a = toNumber(left);
  const b = toNumber(right);
  if (Number.isNaN(a) || Number.isNaN(b)) return false;
  return test(a - b);
}

export function evaluate(expr: Expr, context: EvalContext): Value {
  switch (expr.kind) {
    case 'number':
    case 'string':
      return expr.value;
    case 'ref':
      return context.resolve(expr.name);
    case 'current':
      return context.current ?? '';
    case 'attribute':
      return context.attribute?.(expr.name) ?? '';
    case 'negate':
      return -toNumber(evaluate(expr.argument, context));
    case 'call': {
      const spec = functions[expr.name];
      if (!spec) return '';
      return spec.call(expr.args.map((a) => () => evaluate(a, context)), context.today);
    }
    case 'binary': {
      const { operator } = expr;
      if (operator === 'and') return toBoolean(evaluate(expr.left, context)) && toBoolean(evaluate(expr.right, context));
      if (operator === 'or') return toBoolean(evaluate(expr.left, context)) || toBoolean(evaluate(expr.right, context));
      const left = evaluate(expr.left, context);
      const right = evaluate(expr.right, context);
      switch (operator) {
        case '=': return equals(left, right);
        case '!=': return !equals(left, right);
        case '<': return compare(left, right, (o) => o < 0);
        case '<=': return compare(left, right, (o) => o <= 0);
        case '>': return compare(left, right, (o) => o > 0);
        case '>=': return compare(left, right, (o) => o >= 0);
        case '+': return toNumber(left) + toNumber(right);
        case '-': return toNumber(left) - toNumber(right);
        case '*': return toNumber(left) * toNumber(right);
        case 'div': return toNumber(left) / toNumber(right);
        case 'mod': return toNumber(left) % toNumber(right);
      }
    }
  }
}
