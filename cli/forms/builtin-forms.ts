/**
 * The built-in instruments, embedded in the CLI when it is bundled (scripts/build-cli.mjs inlines
 * the JSON), so that `maillage` reads no form from disk at run time and works wherever it is
 * copied. Add a line here when a form version is added to forms/.
 */
import { compileForm } from '../../core/forms/compile';
import type { CompiledForm } from '../../core/forms/model';
import type { FormDefinition } from '../../core/forms/schema';
import splCooperationV1 from '../../forms/spl-cooperation/v1.json';

const documents: readonly unknown[] = [splCooperationV1];

let compiled: ReadonlyMap<string, CompiledForm> | undefined;

/**
 * The built-in forms by key (`id@version`), compiled once. A built-in form that fails to load is a
 * bug. The form schema reads each built-in document as it is, unchanged (the unit tests check it),
 * so they are compiled without it: in each thread of a CSV export, a schema used for the first
 * time costs tens of milliseconds.
 */
export function builtInForms(): ReadonlyMap<string, CompiledForm> {
  if (compiled) return compiled;
  const forms = new Map<string, CompiledForm>();
  for (const document of documents) {
    const loaded = compileForm(document as FormDefinition);
    if (!loaded.ok) throw new Error(`built-in form does not load: ${JSON.stringify(loaded.error[0])}`);
    forms.set(loaded.value.key, loaded.value);
  }
  compiled = forms;
  return forms;
}
