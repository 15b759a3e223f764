/** What the sync panel shows, kept by the sync service and read through useSyncExternalStore. */
import type { BridgeErrorCode } from '../../platform/types';

export type SyncMode =
  /** Asking the platform. */
  | 'starting'
  /** No shared folder here (a browser without File System Access): export and import by hand. */
  | 'manual'
  | 'none'
  /** Browser variant: the folder is remembered, access must be granted again with a click. */
  | 'needs-permission'
  | 'active';

export type SetAsideProblem =
  | { readonly kind: 'refused'; readonly reason: string }
  | { readonly kind: 'too-large' }
  | { readonly kind: 'unreadable' };

/** A file in the shared folder that was not merged, and why. */
export interface SetAside {
  readonly fileName: string;
  readonly problem: SetAsideProblem;
}

export interface SyncSnapshot {
  readonly mode: SyncMode;
  readonly folder: string | null;
  /** When this computer last wrote its own bundle (ISO 8601). */
  readonly lastWrite: string | null;
  /** When the folder was last read. */
  readonly lastCheck: string | null;
  readonly setAside: readonly SetAside[];
  /** The last failure, cleared by the next success. */
  readonly problem: BridgeErrorCode | 'storage' | null;
  readonly isBusy: boolean;
  /** Bumped after each merge, so that views re-read what merging changed (known devices). */
  readonly revision: number;
  /** Interviews that merges from the folder have put in conflict since the app started. */
  readonly newConflicts: number;
}

export const initialSyncSnapshot: SyncSnapshot = {
  mode: 'starting', folder: null, lastWrite: null, lastCheck: null, setAside: [], problem: null, isBusy: false, revision: 0, newConflicts: 0,
};

export interface SnapshotStore<T> {
  readonly get: () => T;
  readonly update: (patch: Partial<T> | ((current: T) => Partial<T>)) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createSnapshotStore<T extends object>(initial: T): SnapshotStore<T> {
  let current = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => current,
    update: (patch) => {
      current = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) };
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}

/** Replaces the entries for `names` with `entries`. */
export function withSetAside(current: readonly SetAside[], names: readonly string[], entries: readonly SetAside[]): SetAside[] {
  const replaced = new Set([...names, ...entries.map((e) => e.fileName)]);
  return [...current.filter((e) => !replaced.has(e.fileName)), ...entries].sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
}
