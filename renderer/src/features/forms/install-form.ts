/**
 * Installing a form file the researcher chose: decode it as strict UTF-8, check it exactly as the
 * CLI's `form check` does, and store it only when it loads without a problem and its id and
 * version are new. A built-in or already installed version is never replaced: the interviews
 * started with it rely on it staying the same. Every outcome is a value the screen explains.
 */
import { loadFormText } from '../../../../core/forms/load';
import type { FormProblem } from '../../../../core/forms/problems';
import type { Text } from '../../../../core/forms/schema';
import type { FormRepository, StorageError } from '../../data';
import { builtInForms } from './registry';

export interface OpenedFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export type InstallOutcome =
  | { readonly kind: 'installed'; readonly fileName: string; readonly id: string; readonly version: number; readonly title: Text }
  | { readonly kind: 'built-in'; readonly fileName: string; readonly id: string; readonly version: number }
  | { readonly kind: 'already-installed'; readonly fileName: string; readonly id: string; readonly version: number }
  | { readonly kind: 'invalid'; readonly fileName: string; readonly problems: readonly FormProblem[] }
  | { readonly kind: 'not-utf8'; readonly fileName: string }
  | { readonly kind: 'storage'; readonly fileName: string; readonly error: StorageError };

function decodeUtf8(data: Uint8Array): string | null {
  try {
    // `fatal`: a Latin-1 or Windows-1252 file is refused rather than silently altered.
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

export async function installFormFile(forms: FormRepository, file: OpenedFile, now: () => Date): Promise<InstallOutcome> {
  const fileName = file.name;
  const source = decodeUtf8(file.data);
  if (source === null) return { kind: 'not-utf8', fileName };
  const loaded = loadFormText(source);
  if (!loaded.ok) return { kind: 'invalid', fileName, problems: loaded.error };
  const { id, version, title } = loaded.value.definition;
  if (builtInForms.some((f) => f.id === id && f.version === version)) return { kind: 'built-in', fileName, id, version };
  const installed = await forms.install({ key: `${id}@${version}`, id, version, source, fileName, installedAt: now().toISOString() });
  if (!installed.ok) return { kind: 'storage', fileName, error: installed.error };
  return installed.value === 'installed'
    ? { kind: 'installed', fileName, id, version, title }
    : { kind: 'already-installed', fileName, id, version };
}
