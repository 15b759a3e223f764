import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/locales/en.json';
import fr from '../../../renderer/src/i18n/locales/fr.json';

type Tree = { readonly [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
/** Plural forms differ by language (_one/_other); compare the base keys. */
const base = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');

describe('interface catalogues', () => {
  const frKeys = flatten(fr);
  const enKeys = flatten(en);

  it('have exactly the same keys in French and English', () => {
    expect([...enKeys.keys()].filter((k) => !frKeys.has(k))).toEqual([]);
    expect([...frKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('have no empty text', () => {
    expect([...frKeys, ...enKeys].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    const mismatched = [...frKeys.keys()].filter((k) => {
      const other = enKeys.get(k);
      return other !== undefined && variables(other).join() !== variables(frKeys.get(k) ?? '').join();
    });
    expect(mismatched).toEqual([]);
  });

  it('give every plural key its "other" form', () => {
    const plurals = new Set([...frKeys.keys()].filter((k) => base(k) !== k).map(base));
    for (const key of plurals) expect(frKeys.has(`${key}_other`) && enKeys.has(`${key}_other`), key).toBe(true);
  });
});
