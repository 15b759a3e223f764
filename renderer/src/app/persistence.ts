/**
 * Asks the browser to keep Maillage's data even when the disk runs low. Without it, Chromium may
 * evict IndexedDB under storage pressure; the About panel tells the researcher which case holds.
 */
export type PersistenceState = 'granted' | 'denied' | 'unsupported';

export async function requestPersistence(storage: StorageManager | undefined): Promise<PersistenceState> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (await storage.persisted()) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}
