/** Builds bundles, good and broken, for tests. */
import { zipSync, strToU8 } from 'fflate';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { formatHlc } from '../../core/exchange/hlc';
import { stampChanges } from '../../core/exchange/interview-sync';
import type { Dataset } from '../../core/exchange/bundle/dataset';
import { writeBundle } from '../../core/exchange/bundle/write-bundle';
import type { Interview } from '../../core/records/interview';
import { anInterview } from './factories';

export const bundleTime = new Date('2026-11-28T10:00:00.000Z');
export const origin = { device: { id: 'd-test', name: 'Test laptop' }, researcher: 'Camille Roux', time: bundleTime };

export const stampAt = (minutes: number, device = 'd-test') => formatHlc({ wall: bundleTime.getTime() + minutes * 60_000, counter: 0, device });

export function datasetOf(interviews: readonly Interview[], at = stampAt(-60)): Dataset {
  return {
    interviews: new Map(interviews.map((i) => [i.id, { id: i.id, fields: stampChanges({}, null, i, at) }])),
    tombstones: new Map(),
    forms: new Map(),
  };
}

export function sampleBundle(): Uint8Array {
  return writeBundle(datasetOf([anInterview({ answers: { c_firm_name: 'Moules Perrin' } }), anInterview()]), origin);
}

/** A zip with exactly these entries, each checksummed in a manifest unless told otherwise. */
export function craftBundle(entries: Record<string, string | Uint8Array>, manifestOverrides: Record<string, unknown> = {}, sum = true): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, text] of Object.entries(entries)) files[name] = typeof text === 'string' ? strToU8(text) : text;
  const manifest = {
    format: 'maillage-bundle',
    version: '1.0',
    exportedAt: bundleTime.toISOString(),
    device: { id: 'd-test', name: 'Test' },
    researcher: 'Test',
    entries: sum ? Object.entries(files).map(([path, bytes]) => ({ path, sha256: bytesToHex(sha256(bytes)), bytes: bytes.length })) : [],
    counts: {},
    ...manifestOverrides,
  };
  files['manifest.json'] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}

export const emptyRecords = { 'records/interviews.json': '[]', 'records/tombstones.json': '[]', 'records/forms.json': '[]' };
