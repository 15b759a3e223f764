/**
 * Every kind of bad file the issue lists (and a zip that is not a bundle), each with the error a
 * reader gives: one list for the readers' tests, the app's import and the CLI's commands.
 */
import { strToU8, zipSync } from 'fflate';
import { describeBundleError, type BundleError } from '../../core/exchange/bundle/errors';
import type { Language } from '../../core/shared/language';
import { encodeInterviewRecord } from '../../core/exchange/bundle/interview-wire';
import { readBundle } from '../../core/exchange/bundle/read-bundle';
import { writeBundle } from '../../core/exchange/bundle/write-bundle';
import { formatHlc } from '../../core/exchange/hlc';
import { bundleTime, craftBundle, datasetOf, emptyRecords, origin, sampleBundle } from './bundles';
import { anInterview } from './factories';

export type BadBundle = readonly [name: string, make: () => Uint8Array, code: BundleError['code']];

/** Rewrites every central-directory entry to claim 4 GB uncompressed, as a bomb would. */
export function declareHugeSizes(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i < out.length - 4; i++) {
    if (view.getUint32(i, true) === 0x02014b50) view.setUint32(i + 24, 0xfffffff0, true);
  }
  return out;
}

/**
 * The bad files, for a reader whose clock says `now`. The bundle from the future is a day and 20 s
 * ahead of it: its message says 1440 minutes for the next 50 s, whichever reader's clock reads it.
 */
export function badBundles(now: Date): BadBundle[] {
  const ahead = formatHlc({ wall: now.getTime() + 24 * 60 * 60_000 + 20_000, counter: 0, device: 'd-test' });
  return [
    ['not a zip', () => strToU8('Nom;Entreprise\nPerrin;Moules\n'), 'not-a-zip'],
    ['a truncated file', () => sampleBundle().slice(0, 200), 'truncated'],
    ['a checksum mismatch', () => {
      const good = craftBundle(emptyRecords);
      const entries = { ...emptyRecords, 'records/forms.json': '[ ]' };
      const files: Record<string, Uint8Array> = {};
      for (const [k, v] of Object.entries(entries)) files[k] = strToU8(v);
      const manifest = readBundle(good, bundleTime);
      if (!manifest.ok) throw new Error('fixture');
      files['manifest.json'] = strToU8(JSON.stringify(manifest.value.manifest));
      return zipSync(files);
    }, 'checksum-mismatch'],
    ['invalid JSON', () => craftBundle({ ...emptyRecords, 'records/interviews.json': '[{"id": "a",' }), 'invalid-json'],
    ['JSON nested 10,000 deep', () => craftBundle({ ...emptyRecords, 'records/interviews.json': '['.repeat(10_000) + ']'.repeat(10_000) }), 'too-deep'],
    ['invalid UTF-8', () => craftBundle({ ...emptyRecords, 'records/interviews.json': new Uint8Array([0x5b, 0xff, 0xfe, 0x5d]) }), 'invalid-utf8'],
    ['a __proto__ key', () => craftBundle({ ...emptyRecords, 'records/interviews.json': '[{"id":"a","fields":{},"__proto__":{"polluted":true}}]' }), 'forbidden-key'],
    ['a constructor key', () => craftBundle({ ...emptyRecords, 'records/forms.json': '[{"constructor":{"prototype":{}}}]' }), 'forbidden-key'],
    ['a field path naming __proto__', () => {
      const record = [...datasetOf([anInterview()]).interviews.values()][0];
      if (!record) throw new Error('fixture');
      const text = encodeInterviewRecord(record).replace('"fields":["', '"fields":["answers.__proto__",{"polluted":true},0,"');
      return craftBundle({ ...emptyRecords, 'records/interviews.json': `[${text}]` });
    }, 'invalid-record'],
    ['a zip entry path with ../', () => zipSync({ '../../evil.json': strToU8('{}'), 'manifest.json': strToU8('{}') }), 'unsafe-path'],
    ['a zip bomb (declared sizes beyond the cap)', () => declareHugeSizes(craftBundle(emptyRecords)), 'too-large'],
    ['duplicate ids', () => {
      const record = [...datasetOf([anInterview()]).interviews.values()][0];
      if (!record) throw new Error('fixture');
      const text = encodeInterviewRecord(record);
      return craftBundle({ ...emptyRecords, 'records/interviews.json': `[${text},${text}]` });
    }, 'duplicate-id'],
    ['an unknown record kind', () => craftBundle({ ...emptyRecords, 'records/photos.json': '[]' }), 'unknown-kind'],
    ['a newer major version', () => craftBundle(emptyRecords, { version: '2.0' }), 'newer-major'],
    ['a bundle from the future', () => writeBundle(datasetOf([anInterview()], ahead), origin), 'from-the-future'],
    ['another zip', () => zipSync({ 'word/document.xml': strToU8('<w/>') }), 'not-a-bundle'],
  ];
}

/** A bad file to give to a command or a screen: its bytes, the language it is told in (alternating), and the reason the core reader gives in it now. */
export interface BadFile {
  readonly name: string;
  readonly code: BundleError['code'];
  readonly lang: Language;
  readonly bytes: Uint8Array;
  /** What the reader says is wrong, in `lang`. */
  readonly reason: string;
}

/** The bad files for `it.each`: name, code, language, and `file()`, which makes one and checks that the core reader refuses it with that code. */
export function badFileCases(now: Date): (readonly [name: string, code: BundleError['code'], lang: Language, file: () => BadFile])[] {
  return badBundles(now).map(([name, make, code], i) => {
    const lang: Language = i % 2 === 0 ? 'fr' : 'en';
    const file = (): BadFile => {
      const bytes = make();
      const read = readBundle(bytes, new Date());
      if (read.ok) throw new Error(`${name} should be refused`);
      if (read.error.code !== code) throw new Error(`${name}: ${read.error.code}, not ${code}`);
      return { name, code, lang, bytes, reason: describeBundleError(read.error, lang) };
    };
    return [name, code, lang, file] as const;
  });
}
