/**
 * Autosave without losing a keystroke: each change is written at once; changes made while a write
 * is under way are merged (the newest value of each answer wins) and written right after it. So
 * at most one write is in flight, the delay between a keystroke and its commit is one write, and
 * `flush()` (on blur, on hiding the window, before closing) waits until everything is stored.
 */
export type SaveStatus = 'saved' | 'saving' | 'error';

export interface SaveQueue<V> {
  /** Queues the newest value for a key. */
  set(key: string, value: V): void;
  /** Resolves when every queued value is stored (or has failed). */
  flush(): Promise<void>;
  /** True while anything is queued or being written. */
  isBusy(): boolean;
  /** Writes again what failed (flush alone does not, so that a blur does not hammer a full disk). */
  retry(): Promise<void>;
}

export interface SaveQueueOptions<V> {
  /** Writes one value; resolves to false when the write failed (the value is kept to retry). */
  readonly write: (key: string, value: V) => Promise<boolean>;
  readonly onStatus: (status: SaveStatus) => void;
  /** Called after each successful write with when the oldest change it carried was made. */
  readonly onCommitted?: (key: string, changedAt: number) => void;
  readonly now?: () => number;
}

export function createSaveQueue<V>({ write, onStatus, onCommitted, now = () => performance.now() }: SaveQueueOptions<V>): SaveQueue<V> {
  const pending = new Map<string, { value: V; changedAt: number }>();
  let running: Promise<void> | null = null;
  let hasFailed = false;

  async function drain(): Promise<void> {
    while (pending.size > 0) {
      const [key, entry] = pending.entries().next().value as [string, { value: V; changedAt: number }];
      pending.delete(key);
      const isStored = await write(key, entry.value);
      if (isStored) {
        onCommitted?.(key, entry.changedAt);
      } else {
        hasFailed = true;
        // Keep the value unless a newer one came in meanwhile; it is retried on the next change or flush.
        if (!pending.has(key)) pending.set(key, entry);
        break;
      }
    }
    running = null;
    onStatus(hasFailed ? 'error' : pending.size > 0 ? 'saving' : 'saved');
  }

  function start(): Promise<void> {
    if (!running) {
      hasFailed = false;
      onStatus('saving');
      running = drain();
    }
    return running;
  }

  return {
    set(key, value) {
      const previous = pending.get(key);
      pending.set(key, { value, changedAt: previous?.changedAt ?? now() });
      void start();
    },
    async flush() {
      while (running) await running;
      if (pending.size > 0 && !hasFailed) await start();
    },
    isBusy: () => running !== null || pending.size > 0,
    async retry() {
      while (running) await running;
      if (pending.size > 0) await start();
    },
  };
}
