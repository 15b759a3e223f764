/**
 * The built-in instruments, embedded in the CLI when it is bundled (scripts/build-cli.mjs inlines
 * the JSON), so that `maillage` reads no form from disk at run time and works wherever it is
 * copied. Add a line here when a form version is added to forms/.
 */
import { loadForm } from '../../core/forms/load';
import type { CompiledForm } from '../../core/forms/model';
import splCooperationV1 from '../../forms/spl-cooperation/v1.json';

const documents: readonly unknown[] = [splCooperationV1];

let compiled: ReadonlyMap<string, CompiledForm> | undefined;

/** The built-in forms by key (`id@version`), compiled once. A built-in form that fails to load is a bug. */
export function builtInForms(): ReadonlyMap<string, CompiledForm> {
  if (compiled) return compiled;
  const forms = new Map<string, CompiledForm>();
  for (const document of documents) {
    const loaded = loadForm(document);
    if (!loaded.ok) throw new Error(`built-in form does not load: ${JSON.stringify(loaded.error[0])}`);
    forms.set(loaded.value.key, loaded.value);
  }
  compiled = forms;
  return forms;
}
