/**
 * A bundle file read and checked, or the one line that says why not (file name first), and
 * whether the file could not be read at all (reported on standard error) or is not a usable
 * bundle (part of the command's report).
 */
import { describeBundleError } from '../../core/exchange/bundle/errors';
import { readBundle, type ReadBundle } from '../../core/exchange/bundle/read-bundle';
import { err, ok, type Result } from '../../core/shared/result';
import { describeReadError } from '../files/file-messages';
import { readBinaryFile } from '../files/read-binary-file';
import { nodeInflate } from './node-codec';
import { nodeSha256 } from './node-sha256';
import type { Lang, Translate } from '../i18n';

export interface LoadFailure {
  readonly line: string;
  readonly isUnreadable: boolean;
}

export async function loadBundleFile(t: Translate, lang: Lang, file: string, now: Date): Promise<Result<ReadBundle, LoadFailure>> {
  const bytes = await readBinaryFile(file);
  if (!bytes.ok) return err({ line: describeReadError(t, file, bytes.error), isUnreadable: true });
  const read = readBundle(bytes.value, now, { sha256: nodeSha256, inflate: nodeInflate });
  if (!read.ok) return err({ line: t('bundle.invalid', { file, reason: describeBundleError(read.error, lang) }), isUnreadable: false });
  return ok(read.value);
}
