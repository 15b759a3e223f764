/**
 * docs/form-format.schema.json is generated from the zod schema; this test keeps it in step and
 * checks that it accepts every real form (and refuses what the schema part of the loader refuses).
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { formJsonSchemaPath, formJsonSchemaText } from '../../../scripts/form-schema';

const stored = readFileSync(formJsonSchemaPath, 'utf8');
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

const builtInForms = readdirSync('forms', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .map((file) => `forms/${file}`);

let compiled: ReturnType<Ajv2020['compile']> | undefined;
/** Compiled once: ajv's strict mode also refuses unknown keywords in the schema itself. */
function validator() {
  compiled ??= new Ajv2020({ strict: true, allErrors: true }).compile(JSON.parse(stored) as object);
  return compiled;
}

describe('the JSON Schema of the form format', () => {
  it('is up to date with core/forms/schema.ts', () => {
    expect(stored === formJsonSchemaText(), `${formJsonSchemaPath} is out of date: run npm run docs:schema`).toBe(true);
  });

  it('is a valid draft 2020-12 schema', () => {
    expect(JSON.parse(stored)).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema' });
    expect(() => validator()).not.toThrow();
  });

  it.each([...builtInForms, 'test/fixtures/forms/tiny-v1.json', 'test/fixtures/forms/tiny-v2.json'])('accepts %s', (path) => {
    const validate = validator();
    const valid = validate(readJson(path));
    expect(valid, JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('accepts forms whose problems only the loader sees (names, references, loops, empty texts)', () => {
    const validate = validator();
    for (const name of ['duplicate-name', 'cycle', 'consent-loop', 'unknown-reference', 'missing-translation']) {
      expect(validate(readJson(`test/fixtures/forms/bad/${name}.json`)), name).toBe(true);
    }
  });

  it('refuses an unknown question type and a property of the wrong type', () => {
    const validate = validator();
    expect(validate(readJson('test/fixtures/forms/bad/unknown-type.json'))).toBe(false);
    expect(validate(readJson('test/fixtures/forms/bad/schema.json'))).toBe(false);
    expect(validate.errors).toContainEqual(expect.objectContaining({ instancePath: '/sections/0/questions/0/maxLength' }));
  });
});
