/** Evaluates an {@link Expr} with XPath's comparison and arithmetic rules. Pure; no eval. */
import type { BinaryOperator, Expr } from './ast';
import { functionSpec } from './functions';
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
      const spec = functionSpec(expr.name);
      if (!spec) return '';
      return spec.call(expr.args.map((a) => () => evaluate(a, context)), context.today);
    }
    case 'binary': {
      const { operator } = expr;
      if (operator === 'and') return toBoolean(evaluate(expr.left, context)) && toBoolean(evaluate(expr.right, context));
      if (operator === 'or') return toBoolean(evaluate(expr.left, context)) || toBoolean(evaluate(expr.right, context));
      return operators[operator](evaluate(expr.left, context), evaluate(expr.right, context));
    }
  }
}

const operators: Readonly<Record<Exclude<BinaryOperator, 'and' | 'or'>, (left: Value, right: Value) => Value>> = {
  '=': (left, right) => equals(left, right),
  '!=': (left, right) => !equals(left, right),
  '<': (left, right) => compare(left, right, (o) => o < 0),
  '<=': (left, right) => compare(left, right, (o) => o <= 0),
  '>': (left, right) => compare(left, right, (o) => o > 0),
  '>=': (left, right) => compare(left, right, (o) => o >= 0),
  '+': (left, right) => toNumber(left) + toNumber(right),
  '-': (left, right) => toNumber(left) - toNumber(right),
  '*': (left, right) => toNumber(left) * toNumber(right),
  div: (left, right) => toNumber(left) / toNumber(right),
  mod: (left, right) => toNumber(left) % toNumber(right),
};

/** Where a compiled expression reads: questions by their index (see compileIndexed), and today. */
export interface IndexedContext {
  valueAt(index: number): Value;
  readonly today: string;
}

/** An expression turned into a function once, for code that evaluates it over thousands of interviews. */
export type CompiledExpr = (context: IndexedContext) => Value;

/**
 * The expression as a function that gives what `evaluate` gives, its references looked up once:
 * `indexOf` gives a question's index, or undefined for a name the form does not have (which
 * reads as ''). Only for expressions without `.` and choice attributes (relevance, calculations).
 */
export function compileIndexed(expr: Expr, indexOf: (name: string) => number | undefined): CompiledExpr {
  const compile = (e: Expr): CompiledExpr => compileIndexed(e, indexOf);
  switch (expr.kind) {
    case 'number':
    case 'string': {
      const { value } = expr;
      return () => value;
    }
    case 'ref': {
      const index = indexOf(expr.name);
      return index === undefined ? () => '' : (context) => context.valueAt(index);
    }
    case 'current':
    case 'attribute':
      return () => '';
    case 'negate': {
      const argument = compile(expr.argument);
      return (context) => -toNumber(argument(context));
    }
    case 'call': {
      const spec = functionSpec(expr.name);
      if (!spec) return () => '';
      const args = expr.args.map(compile);
      // The arguments' thunks are made once and read the context of the call under way (saved
      // and put back around it, should an argument's own evaluation call the same expression).
      let current: IndexedContext | null = null;
      const thunks = args.map((a) => () => a(current as IndexedContext));
      return (context) => {
        const outer = current;
        current = context;
        try {
          return spec.call(thunks, context.today);
        } finally {
          current = outer;
        }
      };
    }
    case 'binary': {
      const { operator } = expr;
      const left = compile(expr.left);
      const right = compile(expr.right);
      if (operator === 'and') return (context) => toBoolean(left(context)) && toBoolean(right(context));
      if (operator === 'or') return (context) => toBoolean(left(context)) || toBoolean(right(context));
      const apply = operators[operator];
      return (context) => apply(left(context), right(context));
    }
  }
}
