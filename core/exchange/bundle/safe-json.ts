/**
 * Reads JSON from outside with the limits a hostile file needs: valid UTF-8 only, a bounded
 * nesting depth (checked before parsing, so a 10,000-deep file never reaches the parser), and no
 * `__proto__`, `constructor` or `prototype` keys anywhere.
 */
import { err, ok, type Result } from '../../shared/result';
import type { BundleError } from './errors';

export const maxJsonDepth = 64;
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

function depthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 || code === 123) {
      depth++;
      if (depth > limit) return true;
    } else if (code === 93 || code === 125) depth--;
  }
  return false;
}

/** A JSON syntax error takes precedence over a forbidden key: the file is not JSON at all. */
function validJson(path: string, text: string): Result<unknown, BundleError> | null {
  try {
    JSON.parse(text);
    return null;
  } catch (error) {
    return err({ code: 'invalid-json', path, detail: error instanceof Error ? error.message : String(error) });
  }
}

export function parseJsonEntry(path: string, bytes: Uint8Array): Result<unknown, BundleError> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return err({ code: 'invalid-utf8', path });
  }
  if (depthExceeds(text, maxJsonDepth)) return err({ code: 'too-deep', path, limit: maxJsonDepth });
  // In valid JSON a string followed by a colon is a key, so one scan of the text finds every
  // forbidden key — unless keys hide behind \u escapes, where the slower reviver checks each key.
  const plain = /"(__proto__|constructor|prototype)"\s*:/.exec(text);
  if (plain?.[1]) return validJson(path, text) ?? err({ code: 'forbidden-key', path, key: plain[1] });
  const found: { forbidden: string | null } = { forbidden: null };
  let value: unknown;
  try {
    value = text.includes('\\u')
      ? JSON.parse(text, (key, v: unknown) => {
        if (forbiddenKeys.has(key)) found.forbidden ??= key;
        return v;
      })
      : JSON.parse(text);
  } catch (error) {
    return err({ code: 'invalid-json', path, detail: error instanceof Error ? error.message : String(error) });
  }
  if (found.forbidden !== null) return err({ code: 'forbidden-key', path, key: found.forbidden });
  return ok(value);
}
