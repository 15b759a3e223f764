/**
 * The interviews entry: one record per line, read whole (the app) or kept as lines (the CLI's
 * merge), and the zip written around entries compressed by Node's zlib.
 */
import { strFromU8, strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { mergeDatasets, type Dataset } from '../../../core/exchange/bundle/dataset';
import { encodeInterviewEntry, indexInterviewEntry, parseInterviewEntry } from '../../../core/exchange/bundle/interview-entry';
import { decodeInterviewRecord, encodeInterviewRecord } from '../../../core/exchange/bundle/interview-wire';
import { readBundle, readBundleIndex, readBundleInterviews } from '../../../core/exchange/bundle/read-bundle';
import { interviewFromRegisters } from '../../../core/exchange/interview-sync';
import { writeBundle, writeBundleParts } from '../../../core/exchange/bundle/write-bundle';
import { editDataset } from '../../../core/exchange/demo/edit-dataset';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { bundlePartsOf, lineDatasetOf, mergeLines } from '../../../cli/bundles/line-merge';
import { nodeDeflate, nodeInflate } from '../../../cli/bundles/node-codec';
import { writeBundleFast } from '../../../cli/bundles/write-bundle-fast';
import { bundleTime, datasetOf, origin } from '../../helpers/bundles';
import { formatHlc } from '../../../core/exchange/hlc';
import { anInterview } from '../../helpers/factories';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json');
const path = 'records/interviews.json';
const sorted = (dataset: Dataset) => [...dataset.interviews.keys()].sort().map((id) => dataset.interviews.get(id) ?? { id, fields: {} });
const sample = () => makeDemoDataset({ interviews: 8, seed: 9, form, device: 'demo', startTime: new Date('2026-01-05T00:00:00.000Z') });
const edited = () => editDataset(sample(), { device: 'laptop-b', rate: 0.6, seed: 3, form, startTime: new Date('2026-05-01T00:00:00.000Z') }).dataset;

function recordText(fields: unknown[], extra = ''): string {
  return `{"fields":${JSON.stringify(fields)},"id":"a1","stamps":["0mjk9ju2o.00000.demo","0mjka4etc.00000.demo"]${extra}}`;
}

describe('an interview record on the wire', () => {
  it('decodes what it encodes, conflicts and what writers had seen included', () => {
    for (const record of sorted(edited())) {
      const decoded = decodeInterviewRecord(JSON.parse(encodeInterviewRecord(record)));
      expect(typeof decoded !== 'string' && decoded.record).toEqual(record);
    }
  });

  it.each([
    ['fields out of path order', recordText(['status', 'complete', 0, 'commune', 'Cluses', 0]), 'not in order'],
    ['a __proto__ field path', recordText(['__proto__', 1, 0]), 'names a forbidden key'],
    ['a field path naming constructor', recordText(['answers.constructor', 1, 0]), 'names a forbidden key'],
    ['a field path naming __proto__ in a repeat item', recordText(['answers.l_ties[t1].__proto__', 1, 0]), 'names a forbidden key'],
    ['a field path naming prototype as an item', recordText(['answers.prototype[t1]', true, 0]), 'names a forbidden key'],
    ['a stamp index beyond the table', recordText(['commune', 'Cluses', 7]), 'unknown stamp'],
    ['a list that is not made of triples', recordText(['commune', 'Cluses']), 'not a list of versions'],
    ['a malformed seen', recordText(['commune', 'Cluses', [0, ['laptop-b']]]), 'invalid version'],
  ])('refuses %s', (_name, text, reason) => {
    expect(decodeInterviewRecord(JSON.parse(text))).toContain(reason);
  });

  it('refuses as before a record read after good ones with the same paths (paths found valid are remembered)', () => {
    const good = ['commune', 'Cluses', 0, 'interviewer', 'Camille', 0, 'status', 'complete', 1];
    const accepted = (fields: unknown[]) => typeof decodeInterviewRecord(JSON.parse(recordText(fields)), false) !== 'string';
    expect(accepted(good)).toBe(true);
    expect(accepted(good)).toBe(true);
    expect(accepted(['commune', 'Cluses', 0, 'status', 'complete', 1, 'interviewer', 'Camille', 0])).toBe(false);
    expect(accepted(['interviewer', 'Camille', 0, 'commune', 'Cluses', 0])).toBe(false);
    expect(accepted(['commune', 'Cluses', 0, 'commune', 'Scionzier', 1, 'interviewer', 'Camille', 0, 'status', 'complete', 1])).toBe(true);
    expect(accepted(['commune', 'Cluses', 0, 'interviewer', 'Camille', 0, 'interviewer', 'Camille', 7])).toBe(false);
    expect(accepted(['commune', 'Cluses', 0, 'interviewer', 'Camille', 0, 'status', 'complete', 1, 'status', 'draft', 0])).toBe(true);
    expect(accepted(['', 'x', 0])).toBe(false);
    expect(accepted([1, 'x', 0])).toBe(false);
    expect(accepted(['commune', 'Cluses', 0, 'interviewer', 'Camille', 0, 'status[x].constructor', 1, 0])).toBe(false);
    expect(accepted(good)).toBe(true);
    // A record wrong in two ways gives the reason it gave before paths were remembered.
    expect(decodeInterviewRecord(JSON.parse(recordText(['status', 1, 0, 'commune', 2, 7])))).toContain('commune: unknown stamp');
    expect(decodeInterviewRecord(JSON.parse(recordText(['commune', 'Cluses', 0, 'interviewer', 1, 0, 'commune', 2, 7])))).toContain('commune: unknown stamp');
  });

  it('judges records as before once thousands of distinct paths have filled what it remembers', () => {
    const many = Array.from({ length: 5000 }, (_, i) => [`answers.q${String(i).padStart(5, '0')}`, i, 0]).flat();
    expect(typeof decodeInterviewRecord(JSON.parse(recordText(many)), false)).toBe('object');
    expect(typeof decodeInterviewRecord(JSON.parse(recordText(many)), false)).toBe('object');
    expect(decodeInterviewRecord(JSON.parse(recordText([...many.slice(0, 30), ...many.slice(0, 3)])), false)).toContain('not in order');
    expect(decodeInterviewRecord(JSON.parse(recordText([...many.slice(0, 30), 'answers.q00009z.__proto__', 1, 0])), false)).toContain('forbidden key');
  });

  it('accepts names that only contain a forbidden word (prototypage, constructors_count)', () => {
    expect(typeof decodeInterviewRecord(JSON.parse(recordText(['answers.constructors_count', 2, 0, 'answers.prototypage', 'oui', 0])))).toBe('object');
  });

  it('keeps a field in conflict as consecutive versions, newest first', () => {
    const decoded = decodeInterviewRecord(JSON.parse(recordText(['commune', 'Cluses', 1, 'commune', 'Scionzier', [0, { 'laptop-b': 1 }]])));
    expect(typeof decoded !== 'string' && decoded.inConflict).toBe(true);
    expect(typeof decoded !== 'string' && decoded.record.fields['commune']).toEqual([
      { value: 'Cluses', hlc: '0mjka4etc.00000.demo' },
      { value: 'Scionzier', hlc: '0mjk9ju2o.00000.demo', seen: { 'laptop-b': '0mjka4etc.00000.demo' } },
    ]);
  });
});

describe('the interviews entry', () => {
  it('is written one record per line, and reads the same whole or as lines', () => {
    const records = sorted(edited());
    const text = encodeInterviewEntry(records);
    expect(text.split('\n')).toHaveLength(records.length + 2);
    // Plain ASCII: accents and other characters travel as \u escapes, and read back the same.
    expect(text).toMatch(/\\u00e9/);
    expect(/[\u0080-\uffff]/.test(text)).toBe(false);
    const parsed = parseInterviewEntry(path, strToU8(text));
    const indexed = indexInterviewEntry(path, strToU8(text));
    expect(parsed.ok && [...parsed.value.records.values()]).toEqual(records);
    expect(indexed.ok && [...indexed.value.records.values()].map((r) => strFromU8(r.line))).toEqual(records.map(encodeInterviewRecord));
    expect(indexed.ok && indexed.value.newest).toBe(parsed.ok && parsed.value.newest);
  });

  it('reads an entry another tool wrote on one line or pretty-printed, keeping canonical lines', () => {
    const records = sorted(sample());
    const canonical = records.map(encodeInterviewRecord);
    for (const text of [`[${canonical.join(',')}]`, JSON.stringify(JSON.parse(encodeInterviewEntry(records)), null, 2)]) {
      const indexed = indexInterviewEntry(path, strToU8(text));
      expect(indexed.ok && [...indexed.value.records.values()].map((r) => strFromU8(r.line))).toEqual(canonical);
    }
  });

  it('gives the exact reason when a line is wrong, as the whole reading does', () => {
    const [first] = sorted(sample()).map(encodeInterviewRecord);
    const cases = [`[\n${first},\n${first}\n]`, `[\n${first},\n{"id":"x"\n]`, '[\n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n]'];
    for (const text of cases) {
      const whole = parseInterviewEntry(path, strToU8(text));
      const lines = indexInterviewEntry(path, strToU8(text));
      expect(!whole.ok && !lines.ok && lines.error).toEqual(!whole.ok && whole.error);
    }
  });
});

describe('reading a bundle for an export', () => {
  it('gives the interviews the registers’ winners describe, without building the registers', () => {
    const dataset = mergeDatasets(sample(), edited());
    const bytes = writeBundle(dataset, origin);
    const read = readBundleInterviews(bytes, bundleTime);
    expect(read.ok && read.value.interviews).toEqual(sorted(dataset).map((r) => interviewFromRegisters(r.id, r.fields, null)));
    expect(read.ok && read.value.tombstones).toEqual(dataset.tombstones);
  });
});

describe('bundles written with Node’s zlib', () => {
  it('read back the same through fflate, and through Node’s inflater', () => {
    const dataset = datasetOf([anInterview(), anInterview()]);
    const bytes = writeBundle(dataset, origin, { deflate: nodeDeflate });
    for (const read of [readBundle(bytes, bundleTime), readBundle(bytes, bundleTime, { inflate: nodeInflate })]) {
      expect(read.ok && [...read.value.dataset.interviews.values()]).toEqual(sorted(dataset));
    }
  });

  it('join an entry compressed in 4 MiB pieces into one valid stream, the same bytes every time', async () => {
    const many = makeDemoDataset({ interviews: 900, seed: 2, form, device: 'demo', startTime: new Date('2026-01-05T00:00:00.000Z') });
    const parts = { interviewsEntry: strToU8(encodeInterviewEntry(sorted(many))), interviewCount: many.interviews.size, tombstones: many.tombstones, forms: many.forms };
    expect(parts.interviewsEntry.length).toBeGreaterThan(4 * 1024 * 1024);
    const [one, two] = [await writeBundleFast(parts, origin), await writeBundleFast(parts, origin)];
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
    expect(strFromU8(unzipSync(one)[path] ?? new Uint8Array())).toBe(strFromU8(parts.interviewsEntry));
    const read = readBundle(one, bundleTime);
    expect(read.ok && read.value.dataset.interviews.size).toBe(900);
  }, 60_000);
});

describe('merging bundles kept as lines', () => {
  it('gives what merging the datasets gives, in either order, with the same report', () => {
    const a = sample();
    const b = edited();
    const bytes = (d: Dataset) => writeBundle(d, origin);
    const index = (d: Dataset) => {
      const read = readBundleIndex(bytes(d), bundleTime);
      if (!read.ok) throw new Error(read.error.code);
      return lineDatasetOf(read.value);
    };
    const expected = readBundle(bytes(mergeDatasets(a, b)), bundleTime);
    for (const [x, y] of [[a, b], [b, a]] as const) {
      const merged = mergeLines(index(x), index(y)).merged;
      const written = writeBundleParts(bundlePartsOf(merged), origin);
      expect(Buffer.from(written).equals(Buffer.from(bytes(mergeDatasets(x, y))))).toBe(true);
      const read = readBundle(written, bundleTime);
      expect(read.ok && read.value.dataset).toEqual(expected.ok && expected.value.dataset);
    }
  });
});

describe('agreeing writes read from a bundle', () => {
  it('are not an interview in conflict, for the merge in lines as for the ordinary reading', () => {
    const interview = anInterview({ commune: 'Scionzier' });
    const on = (device: string, commune: string) => datasetOf([{ ...interview, commune }], formatHlc({ wall: bundleTime.getTime() - 60_000, counter: 0, device }));
    const agree = mergeDatasets(on('d-a', 'Scionzier'), on('d-b', 'Scionzier'));
    const differ = mergeDatasets(on('d-a', 'Scionzier'), on('d-b', 'Cluses'));
    for (const [dataset, expected] of [[agree, false], [differ, true]] as const) {
      const text = encodeInterviewEntry([...dataset.interviews.values()]);
      // One record per line (read line by line), and the same entry laid out otherwise (read whole).
      for (const entry of [text, JSON.stringify(JSON.parse(text), null, 2)]) {
        const indexed = indexInterviewEntry('records/interviews.json', strToU8(entry));
        expect(indexed.ok && indexed.value.records.get(interview.id)?.inConflict).toBe(expected);
      }
      expect(decodeInterviewRecord(JSON.parse(text.split('\n')[1] ?? '') as unknown, false)).toMatchObject({ inConflict: expected });
    }
  });
});
