import type { Transaction } from 'dexie';

/**
 * One numbered step of the database schema. Released migrations are never edited: a change is a
 * new file with the next number, and a test opens a fixture of every earlier version.
 */
export interface Migration {
  readonly version: number;
  /** Dexie store declarations for this version (null deletes a table). */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing records into this version's shape, inside the upgrade transaction. */
  readonly upgrade?: (tx: Transaction) => Promise<void>;
}
