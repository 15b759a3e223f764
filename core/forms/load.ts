/**
 * Loading a form file: JSON, then the schema, then the checks of {@link compileForm}. Every
 * problem comes back as a value naming the question and the reason; nothing is thrown.
 */
import type { z } from 'zod';
import { err, type Result } from '../shared/result';
import { compileForm } from './compile';
import type { CompiledForm } from './model';
import type { FormProblem } from './problems';
import { formSchema, questionTypes } from './schema';

type Issue = z.core.$ZodIssue;

/** The question a JSON path points into, by walking the raw document along the path. */
function questionAt(raw: unknown, path: readonly PropertyKey[]): { question?: string; section?: string } {
  let node: unknown = raw;
  let found: { question?: string; section?: string } = {};
  for (const key of path) {
    if (typeof node !== 'object' || node === null) break;
    node = (node as Record<PropertyKey, unknown>)[key];
    if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      const name = (node as { name?: unknown }).name;
      if (typeof name === 'string') {
        found = 'questions' in node && 'title' in node ? { section: name } : { question: name };
      }
    }
  }
  return found;
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '') || '(root)';
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = raw;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function toProblem(raw: unknown, issue: Issue): FormProblem {
  const where = questionAt(raw, issue.path);
  if (issue.code === 'invalid_union' && issue.path[issue.path.length - 1] !== 'type') {
    const type = (valueAt(raw, issue.path) as { type?: unknown } | undefined)?.type;
    if (typeof type === 'string' && !(questionTypes as readonly string[]).includes(type)) {
      return { code: 'unknown-type', ...where, property: pathText([...issue.path, 'type']), detail: type };
    }
  }
  if (issue.path[issue.path.length - 1] === 'type' && issue.code !== 'invalid_type') {
    const type = valueAt(raw, issue.path);
    return { code: 'unknown-type', ...where, property: pathText(issue.path), detail: String(type) };
  }
  return { code: 'schema', ...where, property: pathText(issue.path), detail: issue.message };
}

/** Checks a parsed JSON document as a form definition and compiles it. */
export function loadForm(raw: unknown): Result<CompiledForm, FormProblem[]> {
  const parsed = formSchema.safeParse(raw);
  if (!parsed.success) return err(parsed.error.issues.map((issue) => toProblem(raw, issue)));
  return compileForm(parsed.data);
}

/** Reads a form file's text. */
export function loadFormText(text: string): Result<CompiledForm, FormProblem[]> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return err([{ code: 'not-json', detail: error instanceof Error ? error.message : String(error) }]);
  }
  return loadForm(raw);
}
