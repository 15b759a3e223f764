/**
 * Turns a Node file-system error into the bridge's error vocabulary, so the renderer can tell
 * the researcher something useful ("the disk is full") instead of an errno.
 */
import type { BridgeError, BridgeErrorCode } from '../../bridge-contract';

export type FileErrorCode = Extract<BridgeErrorCode, 'disk-full' | 'permission-denied' | 'io'>;
export interface FileError extends BridgeError {
  readonly code: FileErrorCode;
}

// EDQUOT (quota exceeded) reads the same to a researcher as a full disk; EROFS (read-only
// volume, e.g. a locked USB stick) is a refusal like EACCES.
const codesByErrno: Readonly<Record<string, FileErrorCode>> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EACCES: 'permission-denied',
  EPERM: 'permission-denied',
  EROFS: 'permission-denied',
};

function errnoOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

export function fileErrorFrom(error: unknown): FileError {
  const errno = errnoOf(error);
  return {
    code: (errno === undefined ? undefined : codesByErrno[errno]) ?? 'io',
    message: error instanceof Error ? error.message : String(error),
  };
}
