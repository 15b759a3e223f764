/**
 * Every form shipped in forms/ loads without a problem, speaks French and English everywhere,
 * sits at the path its id and version name, and the built-in instrument covers the outline of
 * the interview (sections A–N, consent, the four indices).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFormText } from '../../../core/forms/load';
import { describeFormProblem } from '../../../core/forms/problems';
import { formSchema, type FormDefinition } from '../../../core/forms/schema';

const files = readdirSync('forms', { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.json'))
  .map((file) => `forms/${file.replace(/\\/g, '/')}`)
  .sort();

function load(path: string): FormDefinition {
  const loaded = loadFormText(readFileSync(path, 'utf8'));
  if (!loaded.ok) throw new Error(`${path}:\n${loaded.error.map((p) => describeFormProblem(p, 'en')).join('\n')}`);
  return loaded.value.definition;
}

/** Every `{ fr, en }` object in a JSON document, with where it is. */
function texts(node: unknown, path = ''): { path: string; fr: unknown; en: unknown }[] {
  if (Array.isArray(node)) return node.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  if ('fr' in record || 'en' in record) return [{ path, fr: record['fr'], en: record['en'] }];
  return Object.entries(record).flatMap(([key, value]) => texts(value, `${path}.${key}`));
}

describe('the forms shipped in forms/', () => {
  it('exist', () => {
    expect(files).toContain('forms/spl-cooperation/v1.json');
  });

  it.each(files)('%s loads with no problem', (path) => {
    expect(() => load(path)).not.toThrow();
  });

  // The CLI compiles its built-in forms without the schema (cli/forms/builtin-forms.ts): the schema must add, drop or change
  // nothing. (Its output lists some keys in another order; nothing reads a question's keys in order.)
  it.each(files)('%s is read by the form schema exactly as it is', (path) => {
    const document: unknown = JSON.parse(readFileSync(path, 'utf8'));
    expect(formSchema.parse(document)).toStrictEqual(document);
  });

  it.each(files)('%s has every text in French and English, none empty', (path) => {
    const found = texts(JSON.parse(readFileSync(path, 'utf8')));
    expect(found.length).toBeGreaterThan(10);
    const incomplete = found.filter((t) => typeof t.fr !== 'string' || typeof t.en !== 'string' || t.fr.trim() === '' || t.en.trim() === '');
    expect(incomplete.map((t) => t.path)).toEqual([]);
  });

  it.each(files)('%s is named forms/<id>/v<version>.json after its own id and version', (path) => {
    const form = load(path);
    expect(path).toBe(`forms/${form.id}/v${form.version}.json`);
  });
});

describe('the built-in instrument (spl-cooperation v1)', () => {
  const form = load('forms/spl-cooperation/v1.json');
  const sectionNames = form.sections.map((s) => s.name);
  const questions = form.sections.flatMap((s) => s.questions);

  it('has the sections A to N of the outline, in order', () => {
    const letters = 'abcdefghijklmn'.split('');
    const firstOf = letters.map((letter) => sectionNames.findIndex((name) => name.startsWith(`${letter}_`)));
    expect(firstOf.filter((i) => i < 0)).toEqual([]);
    expect([...firstOf].sort((a, b) => a - b)).toEqual(firstOf);
  });

  it('asks for consent in section B and locks what follows until it is given', () => {
    expect(form.consent).toBeDefined();
    expect(form.consent?.section).toMatch(/^b_/);
    const consentSection = form.sections.find((s) => s.name === form.consent?.section);
    expect(consentSection?.questions.map((q) => q.name)).toContain(form.consent?.question);
  });

  it('computes the four indices of the outline, marked as indices', () => {
    for (const name of ['idx_economic', 'idx_non_economic', 'idx_breadth', 'idx_obstacles']) {
      expect(questions.find((q) => q.name === name), name).toMatchObject({ type: 'calculate', index: true });
    }
  });

  it('averages every item of G, H and J in the matching index', () => {
    const calculation = (name: string) => {
      const question = questions.find((q) => q.name === name);
      return question?.type === 'calculate' ? question.calculation : '';
    };
    const itemsOf = (prefix: string) =>
      questions.flatMap((q) => (q.type === 'matrix' && q.name.startsWith(prefix) ? q.items.map((i) => i.name) : []));
    for (const [index, prefix] of [['idx_economic', 'g_'], ['idx_non_economic', 'h_'], ['idx_obstacles', 'j_']] as const) {
      const items = itemsOf(prefix);
      expect(items.length, prefix).toBeGreaterThan(0);
      expect(calculation(index)).toMatch(/^mean\(/);
      for (const item of items) expect(calculation(index), `${index} uses ${item}`).toContain(`\${${item}}`);
    }
  });
});
