/**
 * "Something about the interviews changed": a cheap signal for background work (sync, backups)
 * that needs to know THAT the data changed, not what it now is. Unlike a live query it reads
 * nothing; it hears every committed write to the interviews — answers included, since each
 * save touches the summary row — from this window, other windows and workers alike.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import type { MaillageDb } from './db';

export function createChangeFeed(db: MaillageDb) {
  const prefixes = ['interviews', 'tombstones'].map((table) => `idb://${db.name}/${table}/`);
  return {
    subscribe(onChange: () => void): () => void {
      const listener = (parts: ObservabilitySet) => {
        if (Object.keys(parts).some((part) => prefixes.some((prefix) => part.startsWith(prefix)))) onChange();
      };
      Dexie.on('storagemutated', listener);
      return () => { Dexie.on('storagemutated').unsubscribe(listener); };
    },
  };
}

export type ChangeFeed = ReturnType<typeof createChangeFeed>;
