/** The expression tree that form logic compiles to: small, typed, and evaluated without eval. */
export type BinaryOperator = 'or' | 'and' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | 'div' | 'mod';

export type Expr =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'string'; readonly value: string }
  /** `${name}`: another question's answer. */
  | { readonly kind: 'ref'; readonly name: string }
  /** `.`: the answer being checked by a constraint. */
  | { readonly kind: 'current' }
  /** A bare name: in a choice filter, an attribute of the choice being filtered. */
  | { readonly kind: 'attribute'; readonly name: string }
  | { readonly kind: 'negate'; readonly argument: Expr }
  | { readonly kind: 'binary'; readonly operator: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'call'; readonly name: string; readonly args: readonly Expr[] };

/** Every `${name}` an expression refers to, once each. */
export function referencesOf(expr: Expr, into: Set<string> = new Set()): Set<string> {
  switch (expr.kind) {
    case 'ref': into.add(expr.name); break;
    case 'negate': referencesOf(expr.argument, into); break;
    case 'binary': referencesOf(expr.left, into); referencesOf(expr.right, into); break;
    case 'call': for (const arg of expr.args) referencesOf(arg, into); break;
    default: break;
  }
  return into;
}
