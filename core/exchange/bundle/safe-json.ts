/**
 * Reads JSON from outside with the limits a hostile file needs: valid UTF-8 only, a bounded
 * nesting depth and no `__proto__`, `constructor` or `prototype` keys anywhere. The engine's
 * JSON parser is not recursive (a 10,000-deep file parses without harm), so the value is parsed
 * first and then walked once, with the walk bounded by the depth limit: no code of ours ever
 * recurses into a deep value. The walk is cheap: it only descends into arrays and objects.
 */
import { err, ok, type Result } from '../../shared/result';
import type { BundleError } from './errors';

export const maxJsonDepth = 64;
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

export type TreeProblem = { readonly kind: 'too-deep' } | { readonly kind: 'forbidden-key'; readonly key: string };

/** The first problem found in a parsed value, or null; never descends deeper than `limit`. */
export function treeProblem(value: unknown, limit: number = maxJsonDepth, depth = 1): TreeProblem | null {
  if (typeof value !== 'object' || value === null) return null;
  if (depth > limit) return { kind: 'too-deep' };
  if (Array.isArray(value)) {
    for (const item of value as unknown[]) {
      if (typeof item === 'object' && item !== null) {
        const problem = treeProblem(item, limit, depth + 1);
        if (problem) return problem;
      }
    }
    return null;
  }
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return { kind: 'forbidden-key', key };
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null) {
      const problem = treeProblem(item, limit, depth + 1);
      if (problem) return problem;
    }
  }
  return null;
}

export function treeError(path: string, problem: TreeProblem): BundleError {
  return problem.kind === 'too-deep' ? { code: 'too-deep', path, limit: maxJsonDepth } : { code: 'forbidden-key', path, key: problem.key };
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true });

/** Valid UTF-8 as text, or null. */
export function utf8Text(bytes: Uint8Array): string | null {
  try {
    return fatalUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/** JSON text parsed and checked; `path` names the entry in errors. */
export function parseJsonText(path: string, text: string): Result<unknown, BundleError> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return err({ code: 'invalid-json', path, detail: error instanceof Error ? error.message : String(error) });
  }
  const problem = treeProblem(value);
  return problem ? err(treeError(path, problem)) : ok(value);
}

export function parseJsonEntry(path: string, bytes: Uint8Array): Result<unknown, BundleError> {
  const text = utf8Text(bytes);
  if (text === null) return err({ code: 'invalid-utf8', path });
  return parseJsonText(path, text);
}
