/**
 * `maillage export --format csv` reading a bundle in two parts (cli/exports/csv-in-parts.ts), the
 * second part read here by a fake reader: the same files as the ordinary reading, the same
 * refusals, and a fall back to the ordinary reading whenever a part has a doubt.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundleInputOf } from '../../../cli/exports/bundle-input';
import { cutLines, readCsvInParts, readCsvPart, readLeadingPart, type CheckedCsvPart, type CsvPartReader, type LeadingPartRequest } from '../../../cli/exports/csv-in-parts';
import { atomicsPause, fillSharedEntry, shareEntry, SharedEntryReader, SharedEntryWriter, type Pause, type SharedEntry } from '../../../cli/exports/shared-entry';
import { asksForCsvExport } from '../../../cli/exports/part-workers';
import { LineClaims } from '../../../cli/exports/line-claims';
import { createHash } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { run } from '../../../cli/main';
import type { Dataset } from '../../../core/exchange/bundle/dataset';
import { bundleEntries } from '../../../core/exchange/bundle/write-bundle';
import { chunkOf, encodeInterviewEntry, linesOf } from '../../../core/exchange/bundle/interview-entry';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { formatHlc } from '../../../core/exchange/hlc';
import { csvFiles } from '../../../core/exports/csv';
import { csvExportFromParts } from '../../../core/exports/csv-parts';
import { buildExportModel } from '../../../core/exports/table-model';
import type { ExportFile, LabelMode, Privacy } from '../../../core/exports/types';
import { datasetOf, origin, stampAt } from '../../helpers/bundles';
import { neutralEnv, runCli, type CapturedRun } from '../../helpers/cli-io';
import { aTinyInterview, builtInForm, identified, pseudonymised } from '../../helpers/exports';
import { readFixture } from '../../helpers/forms';
import { handedOver } from '../../helpers/threads';

const now = new Date('2026-11-28T12:00:00.000Z');
const today = '2026-11-28';
const lastYear = stampAt(-365 * 24 * 60);

/** Two parts, both read in this thread, the second handed over as a worker's is; `second` may spoil it. */
function twoParts(second: typeof readCsvPart = readCsvPart): CsvPartReader & { readonly answers: unknown[] } {
  const answers: unknown[] = [];
  return {
    parts: 2,
    answers,
    read: (requests) => {
      const parts = requests.map((request, i) => (i === 0 ? readCsvPart(request) : handedOver(second(request))));
      answers.push(...parts);
      return Promise.resolve(parts);
    },
    close() {},
  };
}

/**
 * A leading part read here, as the first worker reads it, and handed over as a worker's is; `leading`
 * may spoil it. It is read once this thread waits for it, the entry then expanded and this
 * thread's lines read: a worker at its slowest, or, with `ahead`, one that had claimed that many
 * lines before this thread started from the back (readLeadingPart is tested at every pace below).
 */
function leadingParts(leading: typeof readLeadingPart = readLeadingPart, ahead = 0): CsvPartReader & { readonly answers: unknown[] } {
  const answers: unknown[] = [];
  return {
    parts: 2,
    answers,
    leading: {
      start: (request) => {
        const claims = new LineClaims(request.claims);
        while (claims.meeting < ahead && claims.fromFront(ahead)) {
          // The worker's claims, made now; it reads their lines below.
        }
        let answer: Promise<CheckedCsvPart | null> | undefined;
        const read = () =>
          (answer ??= Promise.resolve().then(() => {
            // The lines claimed ahead, to read again from the front: claims of their own.
            const own = LineClaims.share();
            if (ahead > 0) new LineClaims(own).limit(claims.meeting);
            const part = handedOver(leading(structuredClone(ahead > 0 ? { ...request, claims: own } : request)));
            answers.push(part);
            return part;
          }));
        // Read only when awaited (a promise's work would start at once, before the entry is there).
        return { then: (done: never, failed: never) => read().then(done, failed) } as unknown as Promise<CheckedCsvPart | null>;
      },
      send: (requests) => Promise.resolve(requests.map(readCsvPart)),
    },
    read: (requests) => {
      const parts = requests.map(readCsvPart);
      answers.push(...parts);
      return Promise.resolve(parts);
    },
    close() {},
  };
}

/** The demo fieldwork, three of its interviews deleted while their records stay. */
const demo: Dataset = (() => {
  const dataset = makeDemoDataset({ interviews: 60, seed: 7, form: builtInForm(), device: 'demo', startTime: new Date('2026-01-05T00:00:00.000Z') });
  const deleted = [...dataset.interviews.keys()].sort().filter((_, i) => i % 20 === 3);
  return { ...dataset, tombstones: new Map(deleted.map((id) => [id, { id, kind: 'interview' as const, hlc: lastYear }])) };
})();
const sorted = (dataset: Dataset) => [...dataset.interviews.keys()].sort().map((id) => dataset.interviews.get(id) ?? { id, fields: {} });

/** The bundle's zip, its entries changed by `change` after the manifest's checksums are computed. */
function bundleOf(dataset: Dataset, entry = encodeInterviewEntry(sorted(dataset)), change: (files: Map<string, Uint8Array>) => void = () => undefined): Uint8Array {
  const files = bundleEntries({ interviewsEntry: strToU8(entry), interviewCount: dataset.interviews.size, tombstones: dataset.tombstones, forms: dataset.forms }, origin);
  change(files);
  return zipSync(Object.fromEntries(files));
}
const good = bundleOf(demo);
/** The demo's records, one JSON text each, and an entry written one record per line. */
const demoRecords = encodeInterviewEntry(sorted(demo)).split('\n').slice(1, -1).map((line) => line.replace(/,$/, ''));
const entryOf = (records: readonly string[]) => `[\n${records.join(',\n')}\n]`;
const tinyForms = new Map([['tiny@1', { key: 'tiny@1', fileName: 'tiny-v1.json', source: readFixture('test/fixtures/forms/tiny-v1.json') }]]);
const tinyBundle = bundleOf({
  ...datasetOf([
    aTinyInterview('0190-0001', { firm_name: 'Moules Perrin', ties: [{ id: '0190-a', answers: { tie_name: 'Bilbao Moldes' } }] }, { firmName: 'Moules Perrin' }),
    aTinyInterview('0190-0002', { firm_name: 'Verrerie Lamy' }, { firmName: 'Verrerie Lamy' }),
    aTinyInterview('0190-0003', {}, { formId: 'ghost', formVersion: 2 }),
  ], lastYear),
  forms: tinyForms,
});

/** Files with their bytes as text: comparing strings is fast, and readable when they differ. */
const view = (files: readonly ExportFile[]) => files.map((f) => ({ fileName: f.fileName, rows: f.rows, bytes: Buffer.from(f.bytes).toString('latin1') }));

async function inParts(bytes: Uint8Array, reader: CsvPartReader, labels: LabelMode, privacy: Privacy, bom: boolean) {
  const read = await readCsvInParts(bytes, now, reader, { labels, pseudonymised: privacy.mode === 'pseudonymised', today });
  if (!read?.ok) throw new Error('not read in parts');
  const built = csvExportFromParts(read.value.forms, read.value.parts, { labels, privacy, today, bom });
  if (!built?.ok) throw new Error('no export');
  return { ...built.value, files: view(built.value.files), interviewCount: read.value.interviewCount, brokenForms: read.value.brokenForms };
}

function ordinary(bytes: Uint8Array, labels: LabelMode, privacy: Privacy, bom: boolean) {
  const input = bundleInputOf(bytes, now);
  if (!input.ok) throw new Error('not read');
  const model = buildExportModel(input.value.forms, input.value.interviews, { labels, privacy, today });
  if (!model.ok) throw new Error('no export');
  const exported = model.value.forms.reduce((sum, form) => sum + (form.tables[0]?.rows.length ?? 0), 0);
  return { files: view(csvFiles(model.value, { bom })), missingForms: model.value.missingForms, formCount: model.value.forms.length, exported, interviewCount: input.value.interviews.length, brokenForms: input.value.brokenForms };
}

describe('cutting the lines into parts', () => {
  it('covers every line once, in order, with no empty part and no more parts than asked', () => {
    fc.assert(fc.property(fc.nat(20_000), fc.integer({ min: 1, max: 8 }), (count, parts) => {
      const ranges = cutLines(count, parts);
      expect(ranges.length).toBeLessThanOrEqual(parts);
      expect(ranges.every(([from, to]) => to > from)).toBe(true);
      expect(ranges.map(([from]) => from)).toEqual([0, ...ranges.slice(0, -1).map(([, to]) => to)].slice(0, ranges.length));
      expect(ranges.at(-1)?.[1] ?? 0).toBe(count);
    }), { seed: 20261128, numRuns: 500 });
    expect(cutLines(10_000, 2)).toEqual([[0, 5192], [5192, 10_000]]);
  });
});

describe('a bundle read in two parts for a CSV export', () => {
  it.each([
    ['pseudonymised codes', 'codes', pseudonymised, false],
    ['identified, French labels with a BOM', 'fr', identified, true],
  ] as const)('gives the ordinary reading’s files, deleted interviews left out (%s)', async (_name, labels, privacy, bom) => {
    for (const bytes of [good, tinyBundle]) {
      const reader = twoParts();
      const parts = await inParts(bytes, reader, labels, privacy, bom);
      expect(reader.answers).toHaveLength(2);
      expect(reader.answers).not.toContain(null);
      expect(parts).toEqual(ordinary(bytes, labels, privacy, bom));
    }
    const counted = await inParts(good, twoParts(), 'codes', pseudonymised, false);
    expect(counted.interviewCount).toBe(57);
    expect(counted.exported).toBe(57);
    expect(counted.files[0]?.rows).toBe(57);
  });

  it('sends back to the ordinary reading an id present in both parts, which that reading refuses', async () => {
    const bytes = bundleOf(demo, entryOf([...demoRecords, demoRecords[0] ?? '']));
    const reader = twoParts();
    expect(await readCsvInParts(bytes, now, reader, { labels: 'codes', pseudonymised: true, today })).toBeNull();
    // Each part alone is fine: the id is found twice only when the parts are put together.
    expect(reader.answers).toHaveLength(2);
    expect(reader.answers).not.toContain(null);
    const input = bundleInputOf(bytes, now);
    expect(!input.ok && input.error).toEqual({ kind: 'bundle', error: { code: 'duplicate-id', id: sorted(demo)[0]?.id } });
  });

  it('sends back to the ordinary reading an entry not written one record per line, which that reading accepts', async () => {
    const pretty = JSON.stringify(JSON.parse(encodeInterviewEntry(sorted(demo))), null, 2);
    const bytes = bundleOf(demo, pretty);
    expect(await readCsvInParts(bytes, now, twoParts(), { labels: 'codes', pseudonymised: true, today })).toBeNull();
    expect(bundleInputOf(bytes, now).ok).toBe(true);
  });

  it('reads a bundle of one interview in one part rather than an empty one', async () => {
    const one = bundleOf(datasetOf([aTinyInterview('0190-0001')], lastYear));
    const reader = twoParts();
    const parts = await readCsvInParts(one, now, reader, { labels: 'codes', pseudonymised: true, today });
    expect(parts?.ok && parts.value.interviewCount).toBe(1);
    expect(reader.answers).toHaveLength(1);
  });

  it('sends back to the ordinary reading when the second part fails', async () => {
    const reader = twoParts(() => null);
    expect(await readCsvInParts(good, now, reader, { labels: 'codes', pseudonymised: true, today })).toBeNull();
    expect(reader.answers[0]).not.toBeNull();
  });

  it.each([
    ['a checksum mismatch', () => bundleOf(demo, undefined, (files) => files.set('records/tombstones.json', strToU8('[]')))],
    ['a file that is not a zip', () => strToU8('just text')],
    ['a truncated file', () => good.subarray(0, 300)],
    ['a newer major version', () => bundleOf(demo, undefined, (files) => files.set('manifest.json', strToU8(strFromU8(files.get('manifest.json') ?? new Uint8Array()).replace('"version":"1.0"', '"version":"2.0"'))))],
  ])('gives the ordinary reading’s refusal for %s', async (_name, bytes) => {
    const input = bundleInputOf(bytes(), now);
    const parts = await readCsvInParts(bytes(), now, twoParts(), { labels: 'codes', pseudonymised: true, today });
    expect(input.ok).toBe(false);
    expect(parts && !parts.ok && { kind: 'bundle', error: parts.error }).toEqual(!input.ok && input.error);
  });

  it('gives the ordinary reading’s refusal for clocks from the future, its interviews’ or its tombstones’', async () => {
    const before = new Date('2026-03-01T00:00:00.000Z');
    const future = formatHlc({ wall: now.getTime() + 3_600_000, counter: 0, device: 'd-test' });
    const deletedLater = bundleOf({ ...datasetOf(['0190-0001', '0190-0002', '0190-0003'].map((id) => aTinyInterview(id)), lastYear), tombstones: new Map([['0190-0009', { id: '0190-0009', kind: 'interview', hlc: future }]]) });
    for (const [bytes, at] of [[good, before], [deletedLater, now]] as const) {
      const input = bundleInputOf(bytes, at);
      const parts = await readCsvInParts(bytes, at, twoParts(), { labels: 'codes', pseudonymised: true, today });
      expect(!input.ok && input.error.kind === 'bundle' && input.error.error.code).toBe('from-the-future');
      expect(parts && !parts.ok && { kind: 'bundle', error: parts.error }).toEqual(!input.ok && input.error);
    }
  });
});

describe('a bundle read with a leading part, the first worker reading the entry as this thread expands it', () => {
  it.each([
    ['pseudonymised codes', 'codes', pseudonymised, false],
    ['identified, French labels with a BOM', 'fr', identified, true],
  ] as const)('gives the ordinary reading’s files (%s)', async (_name, labels, privacy, bom) => {
    // Nothing, some lines, or every line it can know (all but the last).
    for (const ahead of [0, 20, demo.interviews.size - 1]) {
      const reader = leadingParts(readLeadingPart, ahead);
      const parts = await inParts(good, reader, labels, privacy, bom);
      // The leading part read the first records; this thread read the others.
      expect(reader.answers).toHaveLength(1);
      expect((reader.answers[0] as CheckedCsvPart | null)?.ids).toHaveLength(ahead);
      expect(parts).toEqual(ordinary(good, labels, privacy, bom));
    }
  });

  it('sends back to the ordinary reading a leading part that fails, or that holds other lines than this thread left it', async () => {
    const options = { labels: 'codes', pseudonymised: true, today } as const;
    expect(await readCsvInParts(good, now, leadingParts(() => null), options)).toBeNull();
    // A leading part that does not share the claims reads lines this thread reads too.
    const unshared = leadingParts((request) => readLeadingPart({ ...request, claims: LineClaims.share() }));
    expect(await readCsvInParts(good, now, unshared, options)).toBeNull();
    // A bundle of one record: the leading worker has no whole line before the last; this thread reads it.
    const one = bundleOf(datasetOf([aTinyInterview('0190-0001')], lastYear));
    const alone = leadingParts();
    const read = await readCsvInParts(one, now, alone, options);
    expect(read?.ok && read.value.interviewCount).toBe(1);
    expect((alone.answers[0] as CheckedCsvPart | null)?.ids).toEqual([]);
  });

  it.each([
    ['a checksum mismatch in the interview entry', () => bundleOf(demo, undefined, (files) => files.set('records/interviews.json', strToU8(entryOf(demoRecords.slice(1)))))],
    ['a checksum mismatch elsewhere', () => bundleOf(demo, undefined, (files) => files.set('records/tombstones.json', strToU8('[]')))],
    ['a file that is not a zip', () => strToU8('just text')],
    ['a truncated file', () => good.subarray(0, 300)],
    ['a duplicate id', () => bundleOf(demo, entryOf([...demoRecords, demoRecords[0] ?? '']))],
    ['a comma after the last record', () => bundleOf(demo, `${entryOf(demoRecords).slice(0, -2)},\n]`)],
    ['a comma after the only record', () => bundleOf(demo, `[\n${demoRecords[0] ?? ''},\n]`)],
  ])('leaves %s to the ordinary reading, which refuses it', async (_name, bytes) => {
    expect(await readCsvInParts(bytes(), now, leadingParts(), { labels: 'codes', pseudonymised: true, today })).toBeNull();
    expect(bundleInputOf(bytes(), now).ok).toBe(false);
  });
});

describe('the interview entry expanded into memory shared with the leading worker', () => {
  const text = strToU8(encodeInterviewEntry(sorted(demo)));
  const sha = createHash('sha256').update(text).digest('hex');
  const stored = { method: 8, data: deflateRawSync(text, { level: 1 }), declaredSize: text.length };
  const lines = linesOf(text) ?? [];
  const options = { labels: 'codes', pseudonymised: true, today } as const;
  const request = (entry: SharedEntry, reach = text.length, claims = LineClaims.share()): LeadingPartRequest => ({ entry, reach, claims, forms: [], deleted: [], options });
  /** What readCsvPart gives for lines [from, to). */
  const expected = (from: number, to: number) => readCsvPart({ chunk: chunkOf(text, lines, from, to), forms: [], deleted: [], options });
  /** A pause that writes the next `step` bytes of `bytes` each time the reader waits, then ends (`ok`). */
  const pieces = (entry: SharedEntry, bytes: Uint8Array, step: number, ok = true): Pause => {
    const writer = new SharedEntryWriter(entry);
    let at = 0;
    return () => {
      if (at >= bytes.length) writer.finish(ok);
      else writer.write(bytes.subarray(at, (at += step)));
    };
  };

  it('is the entry, whole and checked, whether stored deflated or as is', async () => {
    for (const entry of [stored, { method: 0, data: text, declaredSize: text.length }]) {
      const shared = shareEntry(entry, text.length);
      if (!shared) throw new Error('not shared');
      const filled = await fillSharedEntry(shared, entry, sha);
      expect(filled && Buffer.from(filled).equals(Buffer.from(text))).toBe(true);
      expect(new SharedEntryReader(shared).more(0)).toEqual({ known: text.length, final: true });
    }
  });

  it.each([
    ['corrupt data', { ...stored, data: strToU8('not deflate data at all') }, sha],
    ['data larger than declared', { ...stored, declaredSize: text.length - 1 }, sha],
    ['data smaller than declared', { ...stored, declaredSize: text.length + 1 }, sha],
    ['a checksum mismatch', stored, sha.replace(/^./, (c) => (c === '0' ? '1' : '0'))],
  ])('is null for %s, and the worker is told', async (_name, entry, checksum) => {
    const shared = shareEntry(entry, text.length + 10);
    if (!shared) throw new Error('not shared');
    expect(await fillSharedEntry(shared, entry, checksum)).toBeNull();
    expect(new SharedEntryReader(shared).more(0)).toBeNull();
    expect(readLeadingPart(request(shared))).toBeNull();
  });

  it('wakes a worker that waits as the filling ends, whenever it ends (no lost wake-up)', () => {
    const shared = shareEntry(stored, text.length);
    if (!shared) throw new Error('not shared');
    const writer = new SharedEntryWriter(shared);
    writer.write(text);
    const waits: unknown[] = [];
    // The filling ends just after the worker looked, just before it sleeps: it must not sleep.
    const late: Pause = (progress, seen, ms) => {
      writer.finish(true);
      waits.push(atomicsPause(progress, seen, Math.max(ms, 1000)));
    };
    expect(new SharedEntryReader(shared, late).more(text.length)).toEqual({ known: text.length, final: true });
    expect(waits).toEqual(['not-equal']);
  });

  it('is not made for a declared size beyond the cap, far beyond what the stored bytes could give, or wrong for a stored entry', () => {
    expect(shareEntry(stored, text.length - 1)).toBeNull();
    expect(shareEntry({ ...stored, declaredSize: stored.data.length * 200 }, Number.MAX_SAFE_INTEGER)).toBeNull();
    expect(shareEntry({ method: 0, data: text, declaredSize: text.length + 1 }, text.length * 2)).toBeNull();
    expect(shareEntry({ ...stored, declaredSize: 1 }, text.length)).toBeNull();
  });

  it('gives the leading worker every whole line but the last, at whatever pace the entry comes', () => {
    for (const step of [61, 997, 20_000, text.length]) {
      const shared = shareEntry(stored, text.length);
      if (!shared) throw new Error('not shared');
      const part = readLeadingPart(request(shared), pieces(shared, text, step));
      expect(part?.ids).toEqual(expected(0, lines.length - 1)?.ids);
      expect(part?.forms).toEqual(expected(0, lines.length - 1)?.forms);
    }
  });

  it('stops at the lines it is left (claims met, or its reach), and when the entry stops coming', () => {
    const shared = () => shareEntry(stored, text.length) ?? (() => { throw new Error('not shared'); })();
    const limited = LineClaims.share();
    new LineClaims(limited).limit(10);
    const first = shared();
    // It stops as soon as its lines are read, without waiting for the rest of the entry.
    let waits = 0;
    const counted = pieces(first, text, 2000);
    expect(readLeadingPart(request(first, text.length, limited), (...args) => { waits++; counted(...args); })?.ids).toEqual(expected(0, 10)?.ids);
    expect(waits).toBeLessThan(text.length / 2000);
    // Its reach: lines that end (comma and line break) before that byte.
    const reach = (lines[20]?.byteOffset ?? 0) + 5;
    const second = shared();
    expect(readLeadingPart(request(second, reach), pieces(second, text, 3000))?.ids).toEqual(expected(0, 20)?.ids);
    // A whole line that is not one of the entry's: the worker stops there, without waiting for the rest.
    const cut = (lines[3]?.byteOffset ?? 0) + (lines[3]?.length ?? 0);
    const broken = new Uint8Array([...text.subarray(0, cut), ...text.subarray(cut + 1)]);
    const fifth = shared();
    let pauses = 0;
    const counting = pieces(fifth, broken, 500);
    const stoppedAt = readLeadingPart(request(fifth), (...args) => {
      pauses++;
      counting(...args);
    });
    expect(stoppedAt?.ids).toEqual(expected(0, 3)?.ids);
    expect(pauses).toBeLessThan(broken.length / 500 / 2);
    // An entry that fails on the way: no part.
    const third = shared();
    expect(readLeadingPart(request(third), pieces(third, text.subarray(0, 5000), 1000, false))).toBeNull();
    // An entry that does not start as one: no part.
    const fourth = shared();
    expect(readLeadingPart(request(fourth), pieces(fourth, strToU8(`{${strFromU8(text).slice(1)}`), 4000))).toBeNull();
  });
});

describe('the command lines that start export workers early', () => {
  it.each([
    [['export', 'team.maillage', '-o', 'out'], true],
    [['export', 'team.maillage', '--format', 'csv', '-o', 'out'], true],
    [['--lang', 'fr', 'export', 'team.maillage', '--format=csv'], true],
    [['export', 'team.maillage', '--format', 'xlsx', '-o', 'out.xlsx'], false],
    [['export', 'team.maillage', '--format=dictionary'], false],
    [['merge', 'a.maillage', 'b.maillage', '-o', 'export'], false],
    [['--help'], false],
    [['export', '--help'], false],
    [[], false],
  ])('%j: %s', (argv, expected) => {
    expect(asksForCsvExport(argv)).toBe(expected);
  });
});

describe('maillage export --format csv in two parts', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'maillage-export-parts-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const env = { ...neutralEnv, MAILLAGE_PSEUDONYM_SECRET: 'the team’s long enough secret' };
  /** The CLI as runCli calls it, with a two-part reader. */
  async function runTwoParts(argv: readonly string[], reader: CsvPartReader): Promise<CapturedRun> {
    let stdout = '';
    let stderr = '';
    const code = await run(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), env, csvParts: () => reader });
    return { code, stdout, stderr };
  }
  const write = (name: string, bytes: Uint8Array) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const farFuture = formatHlc({ wall: Date.parse('2099-01-01T00:00:00.000Z'), counter: 0, device: 'd-test' });
  const badInputs: [string, () => Uint8Array][] = [
    ['not a zip', () => strToU8('just text')],
    ['a truncated file', () => good.subarray(0, 300)],
    ['a checksum mismatch', () => bundleOf(demo, undefined, (files) => files.set('records/tombstones.json', strToU8('[]')))],
    ['invalid JSON in the interviews entry', () => bundleOf(demo, entryOf([...demoRecords.slice(0, 40), '{"id":']))],
    ['a duplicate id', () => bundleOf(demo, entryOf([...demoRecords, demoRecords[0] ?? '']))],
    ['a newer major version', () => bundleOf(demo, undefined, (files) => files.set('manifest.json', strToU8(strFromU8(files.get('manifest.json') ?? new Uint8Array()).replace('"version":"1.0"', '"version":"2.0"'))))],
    ['a bundle from the future', () => bundleOf(datasetOf(['0190-0001', '0190-0002', '0190-0003'].map((id) => aTinyInterview(id)), farFuture))],
  ];

  it.each(badInputs)('refuses %s as the CLI reading in one part does, writing nothing', async (_name, bytes) => {
    const bundle = write('bad.maillage', bytes());
    const out = join(dir, 'out');
    const args = ['export', bundle, '-o', out, '--format', 'csv', '--lang', 'en'];
    const inOne = await runCli(args, env);
    const inTwo = await runTwoParts(args, twoParts());
    expect(inOne.code).toBe(1);
    expect(inOne.stderr).toContain(bundle);
    expect(inTwo).toEqual(inOne);
    expect(existsSync(out)).toBe(false);
  });

  it('exports the ordinary way when a part wrote codes that are not the export’s (here, with another secret)', async () => {
    const bundle = write('good.maillage', good);
    const out = join(dir, 'out');
    const args = ['export', bundle, '-o', out];
    const otherSecret = strToU8('another secret, long enough too');
    const reader = twoParts((request) => readCsvPart({ ...request, options: { ...request.options, secret: otherSecret } }));
    const inTwo = await runTwoParts(args, reader);
    expect(reader.answers).toHaveLength(2);
    const files = readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'latin1')]);
    rmSync(out, { recursive: true });
    const inOne = await runCli(args, env);
    expect(inOne.code).toBe(0);
    expect(inTwo).toEqual(inOne);
    // The second part's codes, made with the other secret, would differ: the files are the ordinary reading's.
    expect(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'latin1')])).toEqual(files);
  });

  it('reports the ordinary reading’s refusal, writing nothing, when parts that read fine must be made again the ordinary way and the bundle does not read whole', async () => {
    // No bundle is known that the parts accept and the ordinary reading refuses: the reader here
    // answers with the parts of another bundle, written with another secret, for one whose entry
    // is broken. Their codes are not the export's, so the export is made again the ordinary way.
    const otherSecret = strToU8('another secret, long enough too');
    const recorder = twoParts();
    const read = await readCsvInParts(good, now, recorder, { labels: 'codes', pseudonymised: true, today, secret: otherSecret });
    expect(read?.ok).toBe(true);
    const borrowed: CsvPartReader = { parts: 2, read: () => Promise.resolve(recorder.answers as CheckedCsvPart[]), close() {} };
    const bundle = write('broken.maillage', bundleOf(demo, entryOf([...demoRecords.slice(0, 40), '{"id":'])));
    const out = join(dir, 'out');
    for (const lang of ['en', 'fr']) {
      const args = ['export', bundle, '-o', out, '--lang', lang];
      const inOne = await runCli(args, env);
      const inTwo = await runTwoParts(args, borrowed);
      expect(inOne.code).toBe(1);
      expect(inOne.stderr).toContain(bundle);
      expect(inTwo).toEqual(inOne);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('writes the files and says what the CLI reading in one part says', async () => {
    const bundle = write('good.maillage', good);
    const out = join(dir, 'out');
    const args = ['export', bundle, '-o', out, '--labels', 'en'];
    const reader = twoParts();
    const inTwo = await runTwoParts(args, reader);
    expect(reader.answers).toHaveLength(2);
    const files = readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'latin1')]);
    rmSync(out, { recursive: true });
    const inOne = await runCli(args, env);
    expect(inTwo).toEqual(inOne);
    expect(inOne.code).toBe(0);
    expect(readdirSync(out).sort().map((name) => [name, readFileSync(join(out, name), 'latin1')])).toEqual(files);
  });
});
