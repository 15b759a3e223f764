/**
 * Parses form logic written in XLSForm's syntax (`${name}`, `.`, `and`/`or`, `div`/`mod`,
 * `selected(...)`, `count-selected(...)`) with jsep, a small well-kept expression parser, set
 * up here with XPath's operators and two plugins for `${name}` and `.`. jsep's tree is then
 * converted into our own {@link Expr}, refusing what forms have no use for (members, arrays,
 * ternaries, bare JavaScript literals).
 */
import jsep from 'jsep';
import { err, ok, type Result } from '../../shared/result';
import type { BinaryOperator, Expr } from './ast';

const binaryOperators: Record<BinaryOperator, number> = {
  or: 1, and: 2, '=': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7, '+': 9, '-': 9, '*': 10, div: 10, mod: 10,
};

/** XPath function names with a hyphen, which jsep would read as a subtraction. */
const hyphenatedFunctions = ['count-selected', 'string-length', 'selected-at', 'normalize-space', 'starts-with', 'ends-with'];

let isConfigured = false;
function configure(): void {
  if (isConfigured) return;
  isConfigured = true;
  jsep.removeAllBinaryOps();
  jsep.removeAllUnaryOps();
  jsep.removeAllLiterals();
  jsep.this_str = '\u0000';
  for (const [operator, precedence] of Object.entries(binaryOperators)) jsep.addBinaryOp(operator, precedence);
  jsep.addUnaryOp('-');
  jsep.hooks.add('gobble-token', function gobbleReference(env) {
    if (this.code === 36 /* $ */ && this.expr.charCodeAt(this.index + 1) === 123 /* { */) {
      const close = this.expr.indexOf('}', this.index + 2);
      if (close < 0) this.throwError('Unclosed ${');
      const name = this.expr.slice(this.index + 2, close).trim();
      this.index = close + 1;
      env.node = { type: 'MaillageRef', name };
    } else if (this.code === 46 /* . */ && !/[0-9]/.test(this.expr.charAt(this.index + 1))) {
      this.index += 1;
      env.node = { type: 'MaillageCurrent' };
    }
  });
}

export interface SyntaxProblem {
  readonly message: string;
  readonly position?: number;
}

/** Replaces `count-selected(` by `count_selected(` outside string literals (same length). */
function protectHyphenatedNames(source: string): string {
  let out = '';
  let quote: string | null = null;
  for (let i = 0; i < source.length; i++) {
    const ch = source.charAt(i);
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
      continue;
    }
    if (ch === '"' || ch === "'") {
      quote = ch;
      out += ch;
      continue;
    }
    const name = hyphenatedFunctions.find((f) => source.startsWith(f, i) && !/[A-Za-z0-9_]/.test(source.charAt(i - 1)));
    if (name) {
      out += name.replace(/-/g, '_');
      i += name.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

const nameOfCallee = (name: string) => name.replace(/_/g, '-');

/** jsep's nodes carry loosely typed fields; read the ones we need as text. */
const field = (node: jsep.Expression, key: string): string => {
  const value = node[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

function convert(node: jsep.Expression): Expr {
  switch (node.type) {
    case 'MaillageRef': return { kind: 'ref', name: field(node, 'name') };
    case 'MaillageCurrent': return { kind: 'current' };
    case 'Literal': {
      const value = node['value'];
      if (typeof value === 'number') return { kind: 'number', value };
      if (typeof value === 'string') return { kind: 'string', value };
      throw new Error(`unsupported literal ${field(node, 'raw')}`);
    }
    case 'Identifier': return { kind: 'attribute', name: field(node, 'name') };
    case 'UnaryExpression': return { kind: 'negate', argument: convert(node['argument'] as jsep.Expression) };
    case 'BinaryExpression': {
      const operator = field(node, 'operator');
      if (!(operator in binaryOperators)) throw new Error(`unknown operator ${operator}`);
      return {
        kind: 'binary',
        operator: operator as BinaryOperator,
        left: convert(node['left'] as jsep.Expression),
        right: convert(node['right'] as jsep.Expression),
      };
    }
    case 'CallExpression': {
      const callee = node['callee'] as jsep.Expression;
      if (callee.type !== 'Identifier') throw new Error('only named functions can be called');
      const args = node['arguments'] as jsep.Expression[];
      return { kind: 'call', name: nameOfCallee(field(callee, 'name')), args: args.map(convert) };
    }
    default:
      throw new Error(`unsupported ${node.type === 'MemberExpression' ? 'name with a dot' : node.type === 'Compound' ? 'sequence (missing operator?)' : node.type}`);
  }
}

/** Parses one expression; a syntax problem is returned, never thrown. */
export function parseExpression(source: string): Result<Expr, SyntaxProblem> {
  configure();
  try {
    return ok(convert(jsep(protectHyphenatedNames(source))));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const index = typeof error === 'object' && error !== null && 'index' in error && typeof error.index === 'number' ? error.index : undefined;
    return err(index === undefined ? { message } : { message, position: index });
  }
}
