import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { describeBundleError, type BundleError } from '../../../core/exchange/bundle/errors';
import { readBundle, readBundleAsync, readBundleIndex, readBundleInterviews } from '../../../core/exchange/bundle/read-bundle';
import { webCodecs } from '../../../renderer/src/features/exchange/web-codecs';
import { nodeInflate } from '../../../cli/bundles/node-codec';
import { maxUncompressedBytes, readZip, readZipAsync } from '../../../core/exchange/bundle/zip';
import { encodeInterviewRecord } from '../../../core/exchange/bundle/interview-wire';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { bundleTime, craftBundle, datasetOf, emptyRecords, origin } from '../../helpers/bundles';
import { anInterview } from '../../helpers/factories';
import { badBundles } from '../../helpers/bad-bundles';

const read = (bytes: Uint8Array) => readBundle(bytes, bundleTime);
const errorOf = (bytes: Uint8Array): BundleError | null => {
  const result = read(bytes);
  return result.ok ? null : result.error;
};

describe('writing and reading a bundle', () => {
  it('reads back what it wrote, with the pure reader and with the browser’s native one', async () => {
    const dataset = datasetOf([anInterview(), anInterview()]);
    const codecs = webCodecs();
    if (!codecs) throw new Error('WebCrypto and DecompressionStream are expected here');
    const native = await readBundleAsync(writeBundle(dataset, origin), bundleTime, codecs);
    expect(native.ok && [...native.value.dataset.interviews.values()]).toEqual([...dataset.interviews.values()]);
    const result = read(writeBundle(dataset, origin));
    expect(result.ok && [...result.value.dataset.interviews.keys()]).toEqual([...dataset.interviews.keys()].sort());
    expect(result.ok && result.value.manifest).toMatchObject({ format: 'maillage-bundle', version: '1.0', researcher: 'Camille Roux', counts: { interviews: 2 } });
  });

  it('gives the same bytes for the same data, whatever the order it was gathered in', () => {
    const [a, b] = [anInterview(), anInterview()];
    const one = writeBundle(datasetOf([a, b]), origin);
    const two = writeBundle(datasetOf([b, a]), origin);
    expect(Buffer.from(one).equals(Buffer.from(two))).toBe(true);
  });

  it('keeps unknown fields of a newer minor version through import and re-export', () => {
    const interview = [...datasetOf([anInterview()]).interviews.values()][0];
    if (!interview) throw new Error('fixture');
    const bytes = craftBundle({
      ...emptyRecords,
      'records/interviews.json': `[${encodeInterviewRecord({ ...interview, photoRef: 'att-12' })}]`,
    }, { version: '1.3', futureNote: 'kept' });
    const first = read(bytes);
    if (!first.ok) throw new Error(describeBundleError(first.error, 'en'));
    const { format: _f, version: _v, exportedAt: _e, device: _d, researcher: _r, entries: _n, counts: _c, ...extra } = first.value.manifest;
    const again = read(writeBundle(first.value.dataset, { ...origin, extraManifest: extra }));
    expect(again.ok && again.value.dataset.interviews.values().next().value).toMatchObject({ photoRef: 'att-12' });
    expect(again.ok && again.value.manifest).toMatchObject({ futureNote: 'kept' });
  });
});

/** Sets every central-directory entry's declared uncompressed size. */
function declareSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('zip safety', () => {
  it('caps a bundle below the longest text JavaScript can hold, so that an entry too large to read is refused as too large', () => {
    expect(maxUncompressedBytes).toBeLessThan(2 ** 29 - 24);
    const entry = zipSync({ 'records/interviews.json': new Uint8Array(16) });
    const over = readZip(declareSizes(entry, maxUncompressedBytes + 1));
    expect(over).toEqual({ ok: false, error: { code: 'too-large', limitBytes: maxUncompressedBytes } });
  });

  it('stops inflating at the cap, whatever the archive declares', () => {
    const bomb = zipSync({ 'records/interviews.json': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const result = readZip(bomb, 1024 * 1024);
    expect(!result.ok && result.error.code).toBe('too-large');
    const native = readZip(bomb, 1024 * 1024, nodeInflate);
    expect(!native.ok && native.error.code).toBe('too-large');
  });

  it('stops the browser’s inflater at the cap too', async () => {
    const bomb = zipSync({ 'records/interviews.json': new Uint8Array(8 * 1024 * 1024) }, { level: 9 });
    const codecs = webCodecs();
    if (!codecs) throw new Error('WebCrypto and DecompressionStream are expected here');
    const result = await readZipAsync(bomb, codecs.inflate, 1024 * 1024);
    expect(!result.ok && result.error.code).toBe('too-large');
  });
});

describe('refusing bad bundles, with a reason in both languages', () => {
  const cases = badBundles(bundleTime);

  it.each(cases)('%s', async (_name, make, code) => {
    const bytes = make();
    const error = errorOf(bytes);
    expect(error?.code).toBe(code);
    // The same answer from the CLI's readers: Node's inflater, and the records kept as lines.
    const native = readBundle(bytes, bundleTime, { inflate: nodeInflate });
    expect(!native.ok && native.error.code).toBe(code);
    const indexed = readBundleIndex(bytes, bundleTime, { inflate: nodeInflate });
    expect(!indexed.ok && indexed.error.code).toBe(code);
    const forExport = readBundleInterviews(bytes, bundleTime);
    expect(!forExport.ok && forExport.error.code).toBe(code);
    // And from the app's reader, with the browser's WebCrypto and DecompressionStream (Node has both).
    const codecs = webCodecs();
    if (!codecs) throw new Error('WebCrypto and DecompressionStream are expected here');
    const inBrowser = await readBundleAsync(bytes, bundleTime, codecs);
    expect(!inBrowser.ok && inBrowser.error.code).toBe(code);
    if (!error) return;
    expect(describeBundleError(error, 'fr')).toMatch(/\S/);
    expect(describeBundleError(error, 'en')).toMatch(/\S/);
  });

  it('names both versions when refusing a newer major version', () => {
    const error = errorOf(craftBundle(emptyRecords, { version: '2.1' }));
    expect(error && describeBundleError(error, 'fr')).toContain('2.1');
    expect(error && describeBundleError(error, 'en')).toContain('1.0');
  });
});

describe('bytes independent of the time zone', () => {
  it('writes the same zip whatever TZ says', () => {
    const dataset = datasetOf([anInterview()]);
    const before = process.env.TZ;
    process.env.TZ = 'UTC';
    const utc = writeBundle(dataset, origin);
    process.env.TZ = 'America/New_York';
    const newYork = writeBundle(dataset, origin);
    process.env.TZ = before;
    expect(Buffer.from(utc).equals(Buffer.from(newYork))).toBe(true);
  });
});
