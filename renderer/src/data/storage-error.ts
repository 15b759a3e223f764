/**
 * Storage failures as values. The browser reports a full disk, a blocked or missing database in
 * several ways (DOMException names, Dexie error names, inner errors); they are folded here into
 * the few cases the researcher can act on.
 */
export type StorageErrorCode = 'quota' | 'not-found' | 'unavailable' | 'unknown';
export interface StorageError {
  readonly code: StorageErrorCode;
  readonly detail: string;
}

const quotaNames = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const unavailableNames = new Set(['InvalidStateError', 'DatabaseClosedError', 'OpenFailedError', 'MissingAPIError', 'UnknownError', 'VersionError']);

function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth++) {
    const name = (current as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    current = (current as { inner?: unknown }).inner;
  }
  return names;
}

export function toStorageError(error: unknown): StorageError {
  const names = namesOf(error);
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (names.some((n) => quotaNames.has(n))) return { code: 'quota', detail };
  if (names.some((n) => unavailableNames.has(n))) return { code: 'unavailable', detail };
  return { code: 'unknown', detail };
}
