/** One line, in the user's language, for a file that cannot be read or written. */
import type { Translate } from '../i18n';
import type { FileReadError } from './read-binary-file';
import type { WriteError } from './write-atomic';

const readKey = {
  'not-found': 'file.notFound',
  'is-directory': 'file.isDirectory',
  'permission-denied': 'file.permissionDenied',
  unreadable: 'file.unreadable',
} as const satisfies Record<FileReadError['kind'], string>;

export function describeReadError(t: Translate, file: string, error: FileReadError): string {
  return t(readKey[error.kind], { file, reason: error.kind === 'unreadable' ? error.reason : '' });
}

const writeKey = {
  'no-folder': 'file.writeNoFolder',
  'permission-denied': 'file.writeDenied',
  failed: 'file.writeFailed',
} as const satisfies Record<WriteError['kind'], string>;

export function describeWriteError(t: Translate, file: string, error: WriteError): string {
  return t(writeKey[error.kind], { file, reason: error.kind === 'failed' ? error.reason : '' });
}
