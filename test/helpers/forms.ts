/** Loads form fixtures for tests; a broken fixture fails loudly with its problems. */
import { readFileSync } from 'node:fs';
import { loadFormText } from '../../core/forms/load';
import type { CompiledForm } from '../../core/forms/model';
import { describeFormProblem } from '../../core/forms/problems';

export function readFixture(path: string): string {
  return readFileSync(path, 'utf8');
}

export function loadFixtureForm(path: string): CompiledForm {
  const loaded = loadFormText(readFixture(path));
  if (!loaded.ok) throw new Error(`${path}:\n${loaded.error.map((p) => describeFormProblem(p, 'en')).join('\n')}`);
  return loaded.value;
}

/** The tiny fixture as a mutable object, to break on purpose. */
export function tinyFormDocument(): Record<string, unknown> & { sections: { name: string; questions: Record<string, unknown>[] }[] } {
  return JSON.parse(readFixture('test/fixtures/forms/tiny-v1.json')) as Record<string, unknown> & { sections: { name: string; questions: Record<string, unknown>[] }[] };
}
