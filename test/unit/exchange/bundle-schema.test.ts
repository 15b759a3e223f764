/**
 * docs/bundle-format.schema.json is generated from the zod schemas of the bundle format; this
 * test keeps it in step and checks it against what writeBundle writes.
 */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { editDataset } from '../../../core/exchange/demo/edit-dataset';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { bundleJsonSchemaPath, bundleJsonSchemaText } from '../../../scripts/bundle-schema';
import { origin } from '../../helpers/bundles';
import { loadFixtureForm } from '../../helpers/forms';

const stored = readFileSync(bundleJsonSchemaPath, 'utf8');
const form = loadFixtureForm('forms/spl-cooperation/v1.json');

let compiled: ReturnType<Ajv2020['compile']> | undefined;
function validator() {
  compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(stored) as object);
  return compiled;
}

/** A bundle's JSON entries as one object keyed by path, the shape the schema's root describes. */
function contentsOf(bundle: Uint8Array): Record<string, unknown> {
  return Object.fromEntries(Object.entries(unzipSync(bundle)).map(([path, bytes]) => [path, JSON.parse(strFromU8(bytes)) as unknown]));
}

function sampleContents(): Record<string, unknown> {
  const original = makeDemoDataset({ interviews: 12, seed: 4, form, device: 'demo', startTime: new Date('2026-01-05T00:00:00.000Z') });
  const { dataset } = editDataset(original, { device: 'laptop-b', rate: 0.5, seed: 1, form, startTime: new Date('2026-05-01T00:00:00.000Z') });
  const forms = new Map([['tiny@1', { key: 'tiny@1', fileName: 'tiny-v1.json', source: readFileSync('test/fixtures/forms/tiny-v1.json', 'utf8') }]]);
  return contentsOf(writeBundle({ ...dataset, forms }, origin));
}

describe('the JSON Schema of the bundle format', () => {
  it('is up to date with core/exchange/bundle/schema.ts', () => {
    expect(stored === bundleJsonSchemaText(), `${bundleJsonSchemaPath} is out of date: run npm run docs:bundle-schema`).toBe(true);
  });

  it('is a valid draft 2020-12 schema that names its parts', () => {
    expect(JSON.parse(stored)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expect(Object.keys((JSON.parse(stored) as { $defs: object }).$defs).sort()).toEqual(['at', 'form', 'hlc', 'interview', 'manifest', 'tombstone']);
    expect(() => validator()).not.toThrow();
  });

  it('accepts a bundle written by writeBundle, with interviews, edits, tombstones and a form', () => {
    const contents = sampleContents();
    expect((contents['records/tombstones.json'] as unknown[]).length).toBeGreaterThan(0);
    const validate = validator();
    expect(validate(contents), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('accepts fields a newer minor version adds, and refuses a malformed stamp or a wrong format name', () => {
    const validate = validator();
    const contents = sampleContents();
    const [first] = contents['records/interviews.json'] as { stamps: string[] }[];
    expect(validate({ ...contents, 'manifest.json': { ...(contents['manifest.json'] as object), futureNote: 'kept' } })).toBe(true);
    if (first) first.stamps[0] = '2026-05-01T10:00';
    expect(validate(contents)).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'pattern' }));
    expect(validate({ ...sampleContents(), 'manifest.json': { ...(contents['manifest.json'] as object), format: 'other' } })).toBe(false);
  });
});
