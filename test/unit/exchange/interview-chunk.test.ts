/**
 * An interview entry read in parts (checkInterviewChunk): whole lines checked as the whole
 * reading (checkInterviewEntry) checks them, and null at the first doubt so that the caller reads
 * the entry the ordinary way.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkInterviewChunk, checkInterviewEntry, checkInterviewLines, chunkOf, linesEndingBefore, linesOf, moreLeadingLines, startsAnEntry, type CheckedRecord } from '../../../core/exchange/bundle/interview-entry';
import { maxJsonDepth } from '../../../core/exchange/bundle/safe-json';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { origin } from '../../helpers/bundles';
import { builtInForm } from '../../helpers/exports';
import { nodeByteSearch } from '../../../cli/bundles/node-byte-search';

const path = 'records/interviews.json';
const dataset = makeDemoDataset({ interviews: 30, seed: 11, form: builtInForm(), device: 'demo', startTime: new Date('2026-01-05T00:00:00.000Z') });
const entry = unzipSync(writeBundle(dataset, origin))[path] ?? new Uint8Array();
const lines = linesOf(entry) ?? [];
const whole = checkInterviewEntry(path, entry);
if (!whole.ok) throw new Error(`the demo entry does not read: ${whole.error.code}`);
const { records, newest } = whole.value;

/** The records a chunk hands over, and what it found; null when it doubts. */
function check(chunk: Uint8Array): { raws: CheckedRecord['raw'][]; ids: readonly string[]; newest: string } | null {
  const raws: CheckedRecord['raw'][] = [];
  const checked = checkInterviewChunk(chunk, (raw) => raws.push(raw));
  // Node's byte search finds the same lines.
  expect(checkInterviewChunk(chunk, () => undefined, nodeByteSearch)).toEqual(checked);
  return checked ? { raws, ...checked } : null;
}

const lineText = (i: number) => strFromU8(lines[i] ?? new Uint8Array());
/** The text of lines as a chunk holds them: each but the last followed by its comma. */
const chunkText = (texts: readonly string[]) => texts.join(',\n');
type Raw = { id?: unknown; stamps: unknown[]; fields: unknown[] };
/** A record of the entry, changed by `change`, as JSON text; `valueText` replaces its first value's text. */
function edited(i: number, change: (raw: Raw) => void = () => undefined, valueText?: string): string {
  const raw = JSON.parse(lineText(i)) as Raw;
  change(raw);
  if (valueText === undefined) return JSON.stringify(raw);
  raw.fields[1] = '@value@';
  return JSON.stringify(raw).replace('"@value@"', valueText);
}
const nested = (depth: number): unknown => {
  let value: unknown = 'deep';
  for (let d = 0; d < depth; d++) value = [value];
  return value;
};

describe('an interview entry read in chunks', () => {
  it('is the demo entry, one record per line', () => {
    expect(lines.length).toBe(dataset.interviews.size);
    expect(lines.length).toBeGreaterThanOrEqual(30);
    expect(records).toHaveLength(lines.length);
  });

  const n = dataset.interviews.size;
  it.each([
    [[n]],
    [[1, n]],
    [[n - 1, n]],
    [[13, n]],
    [[5, 6, 20, n]],
    [[1, 2, 3, 4, n]],
  ])('gives the whole reading’s records, ids and newest stamp when cut at %j', (ends) => {
    const visited: CheckedRecord['raw'][] = [];
    const ids: string[] = [];
    let latest = '';
    let from = 0;
    for (const to of ends) {
      const chunk = chunkOf(entry, lines, from, to);
      const found = check(chunk);
      expect(found).not.toBeNull();
      visited.push(...(found?.raws ?? []));
      ids.push(...(found?.ids ?? []));
      expect(found?.ids).toEqual(found?.raws.map((r) => r.id));
      if ((found?.newest ?? '') > latest) latest = found?.newest ?? '';
      from = to;
    }
    expect(visited).toEqual(records.map((r) => r.raw));
    expect(ids).toEqual(records.map((r) => r.raw.id));
    expect(latest).toBe(newest);
  });

  it('reads the entry’s lines one by one as it reads them in a chunk (checkInterviewLines)', () => {
    const raws: CheckedRecord['raw'][] = [];
    const found = checkInterviewLines(lines, 3, 9, (raw) => raws.push(raw));
    const chunked = check(chunkOf(entry, lines, 3, 9));
    expect(found).toEqual({ ids: chunked?.ids, newest: chunked?.newest });
    expect(raws).toEqual(records.slice(3, 9).map((r) => r.raw));
    expect(checkInterviewLines(lines, 4, 4, () => undefined)).toBeNull();
  });

  it('starts and ends chunks on whole lines, without their commas', () => {
    const chunk = strFromU8(chunkOf(entry, lines, 2, 5));
    expect(chunk).toBe(chunkText([lineText(2), lineText(3), lineText(4)]));
    expect(chunkOf(entry, lines, 4, 4)).toHaveLength(0);
  });

  it('reads records rewritten as JSON, values holding objects, and values nested within the limit', () => {
    const fine = [edited(0), edited(1, undefined, '{"lang":"fr","text":"Il a dit « non »"}'), edited(2, undefined, JSON.stringify(nested(maxJsonDepth - 3)))];
    const found = check(strToU8(chunkText(fine)));
    expect(found?.ids).toEqual(records.slice(0, 3).map((r) => r.raw.id));
  });
});

describe('a chunk it doubts', () => {
  const [a = '', b = '', c = ''] = [0, 1, 2].map(lineText);
  /** Chunks of whole records, one of them wrong (or the same id twice). */
  const wrongRecords: [string, string][] = [
    ['a stamp index beyond the table', chunkText([a, edited(1, (raw) => (raw.fields[2] = 99))])],
    ['a malformed stamp', chunkText([a, edited(1, (raw) => (raw.stamps[0] = 'not-a-stamp'))])],
    ['a field path __proto__', chunkText([a, edited(1, (raw) => (raw.fields[0] = '__proto__'))])],
    ['a record without an id', chunkText([a, edited(1, (raw) => delete raw.id)])],
    ['a duplicate id', chunkText([a, b, a])],
    ['a __proto__ key in a value', chunkText([a, edited(1, undefined, '{"__proto__":"y","text":"x"}')])],
    ['a constructor key in a value', chunkText([a, edited(1, undefined, '{"constructor":"y"}')])],
    ['JSON nested deeper than the limit', chunkText([a, edited(1, undefined, JSON.stringify(nested(maxJsonDepth)))])],
    ['a byte-order mark before the first record', `\ufeff${chunkText([a, b])}`],
    ['a byte-order mark before a later record', chunkText([a, `\ufeff${b}`])],
  ];
  it.each([
    ...wrongRecords,
    ['an empty chunk', ''],
    ['a line that is not JSON', chunkText([a, '{"id":"x",', c])],
    ['a line cut short', chunkText([a, b.slice(0, -1)])],
    ['a non-last line without its comma', `${a}\n${b},\n${c}`],
    ['a last line with a comma', `${chunkText([a, b])},`],
    ['the entry’s brackets', `[\n${chunkText([a, b])}\n]`],
    ['two records on one line', `${a},${b}`],
  ])('is null for %s', (_name, text) => {
    expect(check(strToU8(text))).toBeNull();
  });

  it('doubts a record exactly where the whole reading refuses it', () => {
    const limit = chunkText([a, edited(1, undefined, JSON.stringify(nested(maxJsonDepth - 3)))]);
    const cases: [string, string][] = [...wrongRecords, ['a value nested at the limit', limit]];
    for (const [name, text] of cases) {
      const entryRead = checkInterviewEntry(path, strToU8(`[\n${text}\n]`));
      expect({ name, doubted: check(strToU8(text)) === null }).toEqual({ name, doubted: !entryRead.ok });
    }
  });

  it('is null for bytes that are not UTF-8', () => {
    const bytes = strToU8(chunkText([lineText(0), edited(1, undefined, '"Ä"')]));
    const at = bytes.indexOf(0xc3);
    expect(at).toBeGreaterThan(0);
    expect(check(bytes)).not.toBeNull();
    bytes[at] = 0xff;
    expect(check(bytes)).toBeNull();
  });
});

describe('the lines at the start of an entry, found as more of it is known', () => {
  it('are the whole lines each prefix holds, as linesOf gives them, never the last', () => {
    const ends = lines.map((line) => line.byteOffset - entry.byteOffset + line.length);
    for (const step of [7, 53, 4096]) {
      const found: Uint8Array[] = [];
      let next = 2;
      let whole = 0;
      for (let size = 2; size < entry.length + step; size += step) {
        const prefix = entry.subarray(0, Math.min(size, entry.length));
        expect(startsAnEntry(prefix)).toBe(true);
        next = moreLeadingLines(prefix, next, found);
        // A line counts once its comma and line end are in the prefix.
        while (whole < lines.length - 1 && (ends[whole] ?? 0) + 2 <= prefix.length) whole++;
        expect(found.length).toBe(whole);
      }
      expect(found.map((line) => strFromU8(line))).toEqual(lines.slice(0, -1).map((line) => strFromU8(line)));
    }
    const all: Uint8Array[] = [];
    expect(moreLeadingLines(entry, 2, all)).toBe((ends[lines.length - 2] ?? 0) + 2);
    expect(all).toHaveLength(lines.length - 1);
    // An entry whose last record ends with a comma is not JSON: not this format either.
    const text = strFromU8(entry);
    expect(linesOf(strToU8(`${text.slice(0, -2)},\n]`))).toBeNull();
    expect(startsAnEntry(strToU8('{"not":"an entry"}\n'))).toBe(false);
  });

  it("are the same found with Node's byte search, in ordinary and in shared memory, in a subarray too", () => {
    const shared = new Uint8Array(new SharedArrayBuffer(entry.length + 5)).subarray(5);
    shared.set(entry);
    const texts = (found: readonly Uint8Array[] | null) => found?.map((line) => strFromU8(line.slice()));
    const expected = texts(lines);
    expect(texts(linesOf(entry, nodeByteSearch))).toEqual(expected);
    expect(texts(linesOf(shared, nodeByteSearch))).toEqual(expected);
    for (const size of [1, 2, 100, 5000, entry.length]) {
      const viaNode: Uint8Array[] = [];
      const viaArray: Uint8Array[] = [];
      expect(moreLeadingLines(shared.subarray(0, size), 2, viaNode, nodeByteSearch)).toBe(moreLeadingLines(entry.subarray(0, size), 2, viaArray));
      expect(texts(viaNode)).toEqual(texts(viaArray));
    }
    expect(linesOf(strToU8('[\n{"a":1},\n{"b":2}\n'), nodeByteSearch)).toBeNull();
    expect(linesOf(strToU8('[\n{"a":1}\n{"b":2}\n]'), nodeByteSearch)).toBeNull();
  });

  it('are counted from the whole entry as the worker finds them up to a byte (linesEndingBefore)', () => {
    const breaks = lines.slice(0, -1).map((line) => line.byteOffset - entry.byteOffset + line.length + 1);
    // Every byte around each line break, and a sample of the others.
    const reaches = new Set<number>([0, 1, 2, 3, entry.length - 1, entry.length, entry.length + 1]);
    for (const at of breaks) for (let d = -2; d <= 2; d++) reaches.add(at + d);
    for (let at = 0; at < entry.length; at += 97) reaches.add(at);
    for (const reach of reaches) {
      const found: Uint8Array[] = [];
      const prefix = entry.subarray(0, Math.max(0, Math.min(reach, entry.length)));
      if (prefix.length >= 2) moreLeadingLines(prefix, 2, found);
      expect(linesEndingBefore(entry, lines, reach), `reach ${String(reach)}`).toBe(found.length);
    }
  });

  it('stop at a line that does not end with a comma, and never go past it', () => {
    const broken = strToU8(strFromU8(entry).replace(',\n', '\n'));
    const found: Uint8Array[] = [];
    const next = moreLeadingLines(broken, 2, found);
    expect(found).toEqual([]);
    expect(moreLeadingLines(broken, next, found)).toBe(next);
    expect(found).toEqual([]);
  });
});
