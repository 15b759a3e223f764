/**
 * Which forms exist and how to get one: the built-in instruments shipped in `forms/` (loaded
 * only when first needed) and those the researcher installed. An interview always opens with the
 * exact form id and version it was started with.
 */
import { loadFormText } from '../../../../core/forms/load';
import type { CompiledForm } from '../../../../core/forms/model';
import type { FormProblem } from '../../../../core/forms/problems';
import { err, ok, type Result } from '../../../../core/shared/result';
import type { FormRepository, StorageError } from '../../data';

export const defaultFormId = 'spl-cooperation';

const builtInLoaders = import.meta.glob<string>('../../../../forms/*/v*.json', { query: '?raw', import: 'default' });

interface BuiltInEntry {
  readonly id: string;
  readonly version: number;
  readonly load: () => Promise<string>;
}

export const builtInForms: readonly BuiltInEntry[] = Object.entries(builtInLoaders)
  .map(([path, load]) => {
    const match = /forms\/([^/]+)\/v(\d+)\.json$/.exec(path);
    return match?.[1] && match[2] ? { id: match[1], version: Number(match[2]), load } : null;
  })
  .filter((entry): entry is BuiltInEntry => entry !== null)
  .sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);

export type FormLoadError =
  | { readonly code: 'unknown-form'; readonly key: string }
  | { readonly code: 'invalid-form'; readonly key: string; readonly problems: readonly FormProblem[] }
  | { readonly code: 'storage'; readonly error: StorageError };

const cache = new Map<string, Promise<Result<CompiledForm, FormLoadError>>>();

async function loadUncached(forms: FormRepository, id: string, version: number): Promise<Result<CompiledForm, FormLoadError>> {
  const key = `${id}@${version}`;
  const builtIn = builtInForms.find((f) => f.id === id && f.version === version);
  let source: string;
  if (builtIn) {
    source = await builtIn.load();
  } else {
    const stored = await forms.get(key);
    if (!stored.ok) return err({ code: 'storage', error: stored.error });
    if (!stored.value) return err({ code: 'unknown-form', key });
    source = stored.value.source;
  }
  const loaded = loadFormText(source);
  return loaded.ok ? ok(loaded.value) : err({ code: 'invalid-form', key, problems: loaded.error });
}

/** The compiled form, loaded once per session. */
export function getForm(forms: FormRepository, id: string, version: number): Promise<Result<CompiledForm, FormLoadError>> {
  const key = `${id}@${version}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = loadUncached(forms, id, version);
    cache.set(key, pending);
    void pending.then((result) => { if (!result.ok) cache.delete(key); });
  }
  return pending;
}

/** The newest built-in version of a form: what a new interview starts with. */
export function latestBuiltInVersion(id: string): number | null {
  const versions = builtInForms.filter((f) => f.id === id).map((f) => f.version);
  return versions.length > 0 ? Math.max(...versions) : null;
}

/**
 * Loads and compiles the default form while the researcher looks at the list, so that opening
 * the first interview does not wait for it.
 */
export function prefetchDefaultForm(forms: FormRepository): void {
  const version = latestBuiltInVersion(defaultFormId);
  if (version === null) return;
  const run = () => { void getForm(forms, defaultFormId, version); };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 3000 });
  else setTimeout(run, 500);
}
