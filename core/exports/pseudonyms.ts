/**
 * Pseudonyms for the names of people and firms, stable across exports: each is a keyed hash
 * (HMAC-SHA-256) of the project's secret and the name, so the same firm gets the same code in
 * every export made with the same secret, and nobody without the secret can recompute it from a
 * list of candidate names. The prefix says what was named: R- a person interviewed, F- a firm,
 * P- a partner or another named party. Codes of the same name share their hex part whatever the
 * prefix, so a partner who is also an interviewed firm can be matched (P-3fa91c0b2e ↔ F-3fa91c0b2e).
 *
 * Names are compared after folding case, accents and runs of spaces ("Moules Perrin" and
 * "moules  perrin" are one firm). Codes have 10 hex digits; when two different names of one
 * export share those ten, both get longer codes (12, 14… digits) until they differ.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export type PseudonymKind = 'R' | 'F' | 'P';

/** Shortest secret accepted, in bytes. */
export const minSecretBytes = 16;
/**
 * Ten hex digits (40 bits): two names of one export share them about once in 20,000 exports of
 * 10,000 names, so a name's code is the same in every export; with six, codes of an export that
 * holds both names of a colliding pair would differ from those of an export that holds one.
 */
const shortLength = 10;

/** What a code is made of: the kind of name and its folded key. */
export type NamedKey = Pick<PendingPseudonym, 'kind' | 'key'>;

/** A name waiting for its code: codes are given once every name of the export is known. */
export interface PendingPseudonym {
  readonly kind: PseudonymKind;
  readonly key: string;
  /** Where `key` is in the book's keys(). */
  readonly index: number;
}

/**
 * Printable ASCII but `^` and `` ` `` (the only diacritics ASCII has): decomposing changes nothing
 * and no diacritic is found, so such names (most names of firms) skip both.
 */
const plainAscii = /^[\x20-\x5d\x5f\x61-\x7e]*$/;

/** Spaces that fold: a run of two, or any other kind of space (a tab, a no-break space…). */
const foldedSpaces = /\s\s|[^\S ]/;

export function normaliseName(name: string): string {
  const bare = plainAscii.test(name) ? name : name.normalize('NFD').replace(/\p{Diacritic}/gu, '');
  const trimmed = bare.toLowerCase().trim();
  // Most names have single spaces only, which folding leaves as they are.
  return foldedSpaces.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/** The names an export meets, folded: each table cell asks for its name's pending code. */
export interface NameBook {
  /** The pending code of a name, or null for an empty name. */
  request(kind: PseudonymKind, name: string): PendingPseudonym | null;
  /** The folded key of every name requested so far, each once, in the order they were first met. */
  keys(): readonly string[];
}

export interface PseudonymBook extends NameBook {
  /** Codes for every requested name; call once all names are requested. */
  resolve(): (pending: NamedKey) => string;
}

/**
 * HMAC-SHA-256 of a message under a key; a shell may pass a native one (Node's crypto), with a
 * faster way to the hex digest of a text's UTF-8 (the same digest).
 */
export type HmacSha256 = ((key: Uint8Array, message: Uint8Array) => Uint8Array) & {
  readonly hexOfText?: (key: Uint8Array, text: string) => string;
};

const pureHmac: HmacSha256 = (key, message) => hmac(sha256, key, message);

export function createNameBook(): NameBook {
  const keys: string[] = [];
  const indexOfKey = new Map<string, number>();
  /** The same names come back in every row, and as several kinds (a firm, a partner): each is folded once, its key's index kept (-1 when empty). */
  const indexOfName = new Map<string, number>();
  /** Each name's pending code, by kind and by its key's index: made once. */
  const pending: Record<PseudonymKind, (PendingPseudonym | undefined)[]> = { R: [], F: [], P: [] };
  const indexOf = (key: string): number => {
    if (key === '') return -1;
    let index = indexOfKey.get(key);
    if (index === undefined) {
      index = keys.length;
      keys.push(key);
      indexOfKey.set(key, index);
    }
    return index;
  };
  return {
    request(kind, name) {
      let index = indexOfName.get(name);
      if (index === undefined) {
        index = indexOf(normaliseName(name));
        indexOfName.set(name, index);
      }
      if (index < 0) return null;
      return (pending[kind][index] ??= { kind, key: keys[index] as string, index });
    },
    keys: () => keys,
  };
}

const encoder = new TextEncoder();

/** The keyed hash of one folded name, as hex: what its code is cut from. */
export function nameDigest(key: string, secret: Uint8Array, keyedHash: HmacSha256 = pureHmac): string {
  const hexOf = keyedHash.hexOfText;
  return hexOf ? hexOf(secret, key) : bytesToHex(keyedHash(secret, encoder.encode(key)));
}

/** The keyed hash of each folded name, as hex (see nameDigest). */
export function nameDigests(keys: Iterable<string>, secret: Uint8Array, keyedHash: HmacSha256 = pureHmac): Map<string, string> {
  const digests = new Map<string, string>();
  for (const key of keys) {
    if (!digests.has(key)) digests.set(key, nameDigest(key, secret, keyedHash));
  }
  return digests;
}

/** A code as it is written when no other name of the export shares its first ten hex digits. */
export const shortCode = (kind: PseudonymKind, digest: string): string => `${kind}-${digest.slice(0, shortLength)}`;

/** The hex part of a code is the usual ten digits. */
export const isShortHex = (hex: string): boolean => hex.length === shortLength;

/** Two different digests share their first ten hex digits: their names need longer codes (see codeLengths). */
export function shareTenDigits(digests: Iterable<string>): boolean {
  const byStart = new Map<string, string>();
  for (const digest of digests) {
    const start = digest.slice(0, shortLength);
    const known = byStart.get(start);
    if (known === undefined) byStart.set(start, digest);
    else if (known !== digest) return true;
  }
  return false;
}

/** The hex part of each name's code (after `R-`, `F-` or `P-`), given the digest of every name of the export (see nameDigests). */
export function codeHexFromDigests(digests: ReadonlyMap<string, string>): (key: string) => string {
  const lengths = codeLengths([...digests.values()]);
  return (key) => {
    const digest = digests.get(key) ?? '';
    return digest.slice(0, lengths.get(digest) ?? shortLength);
  };
}

/** The code of each pending name, given the digest of every name of the export (see nameDigests). */
export function codesFromDigests(digests: ReadonlyMap<string, string>): (pending: NamedKey) => string {
  const hexOf = codeHexFromDigests(digests);
  return ({ kind, key }) => `${kind}-${hexOf(key)}`;
}

/** The code of each pending name, given the folded keys of every name of the export (from one book or several). */
export function pseudonymCodes(keys: Iterable<string>, secret: Uint8Array, keyedHash: HmacSha256 = pureHmac): (pending: NamedKey) => string {
  return codesFromDigests(nameDigests(keys, secret, keyedHash));
}

export function createPseudonymBook(secret: Uint8Array, keyedHash: HmacSha256 = pureHmac): PseudonymBook {
  const book = createNameBook();
  return { ...book, resolve: () => pseudonymCodes(book.keys(), secret, keyedHash) };
}

/**
 * For each digest that needs more than the usual hex digits, how many keep it apart from every
 * other digest (the others keep the usual ten). Only digests that share their first digits with
 * another can need more: they are found by their first digits, then compared among themselves.
 */
function codeLengths(digests: readonly string[]): Map<string, number> {
  const byStart = new Map<string, number>();
  for (const digest of digests) {
    const start = digest.slice(0, shortLength);
    byStart.set(start, (byStart.get(start) ?? 0) + 1);
  }
  // The digest that shares the most first digits with another one is its neighbour in sorted order.
  const sorted = digests.filter((digest) => (byStart.get(digest.slice(0, shortLength)) ?? 0) > 1).sort();
  const common = (a: string | undefined, b: string | undefined): number => {
    if (a === undefined || b === undefined) return 0;
    let n = 0;
    while (n < a.length && a.charCodeAt(n) === b.charCodeAt(n)) n++;
    return n;
  };
  const lengths = new Map<string, number>();
  for (let i = 0; i < sorted.length; i++) {
    const digest = sorted[i] as string;
    const shared = Math.max(common(sorted[i - 1], digest), common(digest, sorted[i + 1]));
    // The shortest even length from ten that no other digest shares; none for a digest met twice.
    const length = Math.max(shortLength, shared + 1 + (shared % 2 === 0 ? 1 : 0));
    if (length <= 64) lengths.set(digest, length);
  }
  return lengths;
}
