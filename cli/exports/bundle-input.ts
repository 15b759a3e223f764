/**
 * What an export reads from a bundle: its interviews as the registers' winners describe them
 * (deleted ones left out) and the forms they were taken with — the built-in ones, embedded in the
 * CLI, and those the bundle carries for installed forms. A built-in form always wins over a copy
 * of the same id and version: installing never replaces.
 */
import type { BundleError } from '../../core/exchange/bundle/errors';
import type { FormRecord } from '../../core/exchange/bundle/schema';
import { readBundleInterviews } from '../../core/exchange/bundle/read-bundle';
import { loadFormText } from '../../core/forms/load';
import type { CompiledForm } from '../../core/forms/model';
import type { FormProblem } from '../../core/forms/problems';
import type { Interview } from '../../core/records/interview';
import { err, ok, type Result } from '../../core/shared/result';
import { readBinaryFile, type FileReadError } from '../files/read-binary-file';
import { builtInForms } from '../forms/builtin-forms';
import { nodeInflate } from '../bundles/node-codec';
import { nodeSha256 } from '../bundles/node-sha256';

export type BundleInputError =
  | { readonly kind: 'file'; readonly error: FileReadError }
  | { readonly kind: 'bundle'; readonly error: BundleError };

export interface BundleInput {
  readonly interviews: readonly Interview[];
  readonly forms: ReadonlyMap<string, CompiledForm>;
  /** Forms carried by the bundle that do not load, by key. */
  readonly brokenForms: readonly { readonly key: string; readonly problems: readonly FormProblem[] }[];
}

/** The forms an export can use: the built-in ones, then those the bundle carries for installed forms. */
export function exportForms(records: Iterable<FormRecord>): Pick<BundleInput, 'forms' | 'brokenForms'> {
  const forms = new Map(builtInForms());
  const brokenForms: { key: string; problems: readonly FormProblem[] }[] = [];
  for (const record of [...records].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    if (forms.has(record.key)) continue;
    const loaded = loadFormText(record.source);
    if (loaded.ok && loaded.value.key === record.key) forms.set(record.key, loaded.value);
    else brokenForms.push({ key: record.key, problems: loaded.ok ? [] : loaded.error });
  }
  return { forms, brokenForms };
}

export async function readBundleInput(path: string, now: Date): Promise<Result<BundleInput, BundleInputError>> {
  const bytes = await readBinaryFile(path);
  if (!bytes.ok) return err({ kind: 'file', error: bytes.error });
  return bundleInputOf(bytes.value, now);
}

/** readBundleInput of a bundle's bytes already read. */
export function bundleInputOf(bytes: Uint8Array, now: Date): Result<BundleInput, BundleInputError> {
  const read = readBundleInterviews(bytes, now, { sha256: nodeSha256, inflate: nodeInflate });
  if (!read.ok) return err({ kind: 'bundle', error: read.error });
  const { tombstones } = read.value;
  const interviews = read.value.interviews.filter((interview) => !tombstones.has(interview.id));
  return ok({ interviews, ...exportForms(read.value.forms.values()) });
}
