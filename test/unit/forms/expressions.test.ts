import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOperator, Expr } from '../../../core/forms/expressions/ast';
import { compileIndexed, evaluate, type EvalContext } from '../../../core/forms/expressions/evaluate';
import { functions, isValidSiren } from '../../../core/forms/expressions/functions';
import { parseExpression } from '../../../core/forms/expressions/parse';
import type { Value } from '../../../core/forms/expressions/values';

function run(source: string, answers: Record<string, Value> = {}, extra: Partial<EvalContext> = {}): Value {
  const parsed = parseExpression(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message}`);
  return evaluate(parsed.value, { resolve: (name) => answers[name] ?? '', today: '2026-11-28', ...extra });
}

describe('form logic in XLSForm syntax', () => {
  it('compares answers with =, !=, <, <=, >, >=', () => {
    const a = { x: 'yes', n: 4, s: '3' };
    expect(run("${x} = 'yes'", a)).toBe(true);
    expect(run("${x} != 'yes'", a)).toBe(false);
    expect([run('${n} < 5', a), run('${n} <= 4', a), run('${n} > 4', a), run('${n} >= 4', a)]).toEqual([true, true, false, true]);
    expect(run('${s} >= 3', a)).toBe(true);
  });

  it('treats an unanswered question as empty: never equal to 0, never greater or smaller', () => {
    expect(run('${missing} = 0')).toBe(false);
    expect(run("${missing} = ''")).toBe(true);
    expect(run('${missing} >= 0')).toBe(false);
    expect(run('${missing} < 10')).toBe(false);
  });

  it('compares dates as calendar dates', () => {
    expect(run(". <= today()", {}, { current: '2026-11-28' })).toBe(true);
    expect(run(". <= today()", {}, { current: '2026-11-29' })).toBe(false);
    expect(run("${d} > '2026-01-31'", { d: '2026-02-01' })).toBe(true);
  });

  it('does arithmetic with + - * div mod and unary minus, booleans counting as 1 or 0', () => {
    expect(run('7 div 2')).toBe(3.5);
    expect(run('7 mod 3')).toBe(1);
    expect(run('2 + 3 * 4 - -1')).toBe(15);
    expect(run("(${a} = 'yes') + (${b} = 'yes') + (${c} = 'yes')", { a: 'yes', b: 'no', c: 'yes' })).toBe(2);
  });

  it('combines with and, or, not(), with and binding tighter than or', () => {
    expect(run('1 = 1 or 1 = 2 and 1 = 2')).toBe(true);
    expect(run('not(1 = 1)')).toBe(false);
    expect(run('true() and not(false())')).toBe(true);
  });

  it('reads multiple choices with selected() and count-selected()', () => {
    const a = { p: ['training', 'purchasing'] as readonly string[], t: 'a b c' };
    expect(run("selected(${p}, 'purchasing')", a)).toBe(true);
    expect(run("selected(${p}, 'promotion')", a)).toBe(false);
    expect(run('count-selected(${p})', a)).toBe(2);
    expect(run('count-selected(${t})', a)).toBe(3);
    expect(run("selected(${missing}, 'x')")).toBe(false);
  });

  it('offers string-length(), if(), coalesce(), concat(), round(), int(), regex()', () => {
    expect(run('string-length(${s})', { s: 'Élodie' })).toBe(6);
    expect(run("if(${n} > 3, 'high', 'low')", { n: 4 })).toBe('high');
    expect(run("coalesce(${missing}, ${s})", { s: 'x' })).toBe('x');
    expect(run("concat('a', 1, 'b')")).toBe('a1b');
    expect(run('round(2.345, 2)')).toBe(2.35);
    expect(run('int(-2.7)')).toBe(-2);
    expect(run("regex(${t}, '^[0-2][0-9]:[0-5][0-9]$')", { t: '09:30' })).toBe(true);
  });

  it('averages Likert answers, leaving out "don’t know", "refused" and empty answers', () => {
    expect(run('mean(${a}, ${b}, ${c}, ${d})', { a: '4', b: '5', c: 'dk', d: 'refused' })).toBe(4.5);
    expect(run('mean(${a}, ${b})', { a: 'dk' })).toBe('');
    expect(run('sum(1, 2, ${x})', { x: '3' })).toBe(6);
    expect([run('min(3, 1, 2)'), run('max(3, 1, 2)')]).toEqual([1, 3]);
  });

  it('checks SIREN numbers with their Luhn key', () => {
    expect(isValidSiren('732829320')).toBe(true);
    expect(isValidSiren('732 829 320')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(run('siren(.)', {}, { current: '552100554' })).toBe(true);
  });

  it('reads bare names as choice attributes in a choice filter', () => {
    expect(run('region = ${r}', { r: 'ara' }, { attribute: (n) => (n === 'region' ? 'ara' : '') })).toBe(true);
  });

  it('reports syntax errors with the position, without throwing', () => {
    for (const bad of ['${a} +', "${a} = 'unclosed", '(1 + 2', '${a', 'a.b', '[1]', '1 2']) {
      const parsed = parseExpression(bad);
      expect(parsed.ok, bad).toBe(false);
    }
  });

  it('calls only its own functions: a name every object inherits gives nothing', () => {
    for (const name of ['toString', 'valueOf', 'toLocaleString', 'constructor', 'hasOwnProperty']) expect(run(`${name}(1, 2)`)).toBe('');
  });

  it('keeps hyphenated function names intact inside strings', () => {
    expect(run("'count-selected(' = 'count-selected('")).toBe(true);
  });
});

describe('compiled form logic', () => {
  const names = ['a', 'b', 'c', 'missing'];
  const known = new Map(names.slice(0, 3).map((name, i) => [name, i]));
  const functionNames = [...Object.keys(functions), 'no-such-function', 'toString', 'valueOf'];
  const value: fc.Arbitrary<Value> = fc.oneof(
    fc.constantFrom('', 'yes', 'no', '3', ' 4.5 ', '2026-05-01', 'a b', 'other'),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: -3, max: 12 }),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.array(fc.constantFrom('yes', 'no', '2', 'other'), { maxLength: 3 }),
  );
  const operators: BinaryOperator[] = ['or', 'and', '=', '!=', '<', '<=', '>', '>=', '+', '-', '*', 'div', 'mod'];
  const { expr } = fc.letrec<{ expr: Expr }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ kind: fc.constant('number' as const), value: fc.integer({ min: -2, max: 6 }) }),
      fc.record({ kind: fc.constant('string' as const), value: fc.constantFrom('', 'yes', '3', 'other', 'x y') }),
      fc.record({ kind: fc.constant('ref' as const), name: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant('negate' as const), argument: tie('expr') }),
      fc.record({ kind: fc.constant('binary' as const), operator: fc.constantFrom(...operators), left: tie('expr'), right: tie('expr') }),
      fc.record({ kind: fc.constant('call' as const), name: fc.constantFrom(...functionNames), args: fc.array(tie('expr'), { maxLength: 3 }) }),
    ),
  }));

  it('gives what the evaluation of the tree gives, for any expression and answers', () => {
    fc.assert(
      fc.property(expr, fc.tuple(value, value, value), (tree, answers) => {
        const resolve = (name: string): Value => answers[known.get(name) ?? -1] ?? '';
        const expected = evaluate(tree, { resolve, today: '2026-11-28' });
        const compiled = compileIndexed(tree, (name) => known.get(name));
        expect(compiled({ valueAt: (index) => answers[index] ?? '', today: '2026-11-28' })).toEqual(expected);
      }),
      { seed: 20261128, numRuns: 2000 },
    );
  });
});
