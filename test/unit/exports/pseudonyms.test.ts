import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodeHmacSha256 } from '../../../cli/exports/node-hmac';
import { codesFromDigests, createPseudonymBook, nameDigests, normaliseName, shareTenDigits, type HmacSha256, type PseudonymKind } from '../../../core/exports/pseudonyms';
import { testSecret } from '../../helpers/exports';

function codesFor(names: readonly string[], kind: PseudonymKind = 'F'): string[] {
  const book = createPseudonymBook(testSecret);
  const pending = names.map((name) => book.request(kind, name));
  const codeOf = book.resolve();
  return pending.map((p) => (p ? codeOf(p) : ''));
}

describe('pseudonym codes', () => {
  it('tell when two different digests share their first ten digits (the same digest twice is one name)', () => {
    const a = `0123456789${'a'.repeat(54)}`;
    expect(shareTenDigits([])).toBe(false);
    expect(shareTenDigits([a, a, `abcdef0123${'b'.repeat(54)}`])).toBe(false);
    expect(shareTenDigits([a, `0123456789${'c'.repeat(54)}`])).toBe(true);
    expect(shareTenDigits([a, `012345678f${'a'.repeat(54)}`])).toBe(false);
  });

  it('fold case, accents and spaces before hashing', () => {
    expect(normaliseName('  Décolletage   BOUVIER ')).toBe('decolletage bouvier');
    const [a, b] = codesFor(['Décolletage Bouvier', 'decolletage  bouvier']);
    expect(a).toBe(b);
  });

  it('fold a plain ASCII name exactly as decomposing it would (the fast way gives the slow way’s key)', () => {
    const slow = (name: string) => name.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
    const ascii = fc.string({ unit: fc.constantFrom(...' \t^`~_-.\'AaZz09éÉ\u00a0\u2019\u0301'.split('')), maxLength: 12 });
    fc.assert(
      fc.property(fc.oneof(ascii, fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 12 })), (name) => {
        expect(normaliseName(name)).toBe(slow(name));
      }),
      { seed: 4242, numRuns: 2000 },
    );
  });

  it('give nothing for an empty name', () => {
    const book = createPseudonymBook(testSecret);
    expect(book.request('R', '   ')).toBeNull();
  });

  it('are a kind letter and ten hex digits, the same hex part whatever the kind', () => {
    const [firm] = codesFor(['Moules Perrin'], 'F');
    const [partner] = codesFor(['Moules Perrin'], 'P');
    expect(firm).toMatch(/^F-[0-9a-f]{10}$/);
    expect(partner).toBe(firm?.replace('F-', 'P-'));
  });

  it('are the same in a large export and in a small one (no collision among 20,000 names)', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `Entreprise ${i}`);
    const codes = codesFor(names);
    expect(new Set(codes).size).toBe(names.length);
    expect(codes.every((c) => c.length === 12)).toBe(true);
    expect(codesFor([names[123] ?? '', names[19_999] ?? ''])).toEqual([codes[123], codes[19_999]]);
  });

  it('lengthen only the codes whose ten digits collide, so that different names never share a code', () => {
    const digests = new Map([['a', `3fa91c0b2e${'0'.repeat(54)}`], ['b', `3fa91c0b2e7${'1'.repeat(53)}`], ['c', `77${'2'.repeat(62)}`]]);
    const codeOf = codesFromDigests(digests);
    expect(['a', 'b', 'c'].map((key) => codeOf({ kind: 'F', key }))).toEqual(['F-3fa91c0b2e00', 'F-3fa91c0b2e71', `F-77${'2'.repeat(8)}`]);
  });
});

describe('Node’s keyed hash for pseudonyms', () => {
  it('gives the pure hash’s digests, by its fast path from text as by bytes', () => {
    const secret = new TextEncoder().encode('a secret of the team, long enough');
    const names = ['moules perrin', 'élodie perrin', 'société d’étude – sud', '宮崎', 'lone \ud800 surrogate', ''];
    const pure = nameDigests(names, secret);
    expect(nodeHmacSha256.hexOfText).toBeDefined();
    expect(nameDigests(names, secret, nodeHmacSha256)).toEqual(pure);
    const bytesOnly: HmacSha256 = (key, message) => nodeHmacSha256(key, message);
    expect(nameDigests(names, secret, bytesOnly)).toEqual(pure);
  });
});

describe('code lengths', () => {
  /** The rule, the slow way: the shortest even length from ten that no other digest shares. */
  function expectedCode(digest: string, all: readonly string[]): string {
    let shared = 0;
    for (const other of all) {
      if (other === digest) continue;
      let n = 0;
      while (n < digest.length && digest[n] === other[n]) n++;
      shared = Math.max(shared, n);
    }
    const length = Math.max(10, shared + 1 + (shared % 2 === 0 ? 1 : 0));
    return `F-${digest.slice(0, length <= 64 ? length : 10)}`;
  }

  it('follow the rule for any digests, however many share their first digits', () => {
    // Digests of two symbols share long starts often.
    const digest = fc.array(fc.constantFrom('a', 'b'), { minLength: 64, maxLength: 64 }).map((symbols) => symbols.join(''));
    fc.assert(
      fc.property(fc.uniqueArray(digest, { maxLength: 40 }), (digests) => {
        const codeOf = codesFromDigests(new Map(digests.map((d, i) => [`name ${String(i)}`, d])));
        digests.forEach((d, i) => {
          expect(codeOf({ kind: 'F', key: `name ${String(i)}` })).toBe(expectedCode(d, digests));
        });
      }),
      { seed: 20261128, numRuns: 2000 },
    );
  });
});
