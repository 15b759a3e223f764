/**
 * Watches the shared folder and reports, debounced, that something in it changed. The watcher
 * is a shortcut, not the source of truth: fs.watch misses events on network shares and while a
 * laptop sleeps, so the renderer also lists the folder periodically. A watcher that fails
 * (folder removed, share unmounted) reports one last change and stops.
 */
import { watch as fsWatch } from 'node:fs';

/** The part of fs.FSWatcher used here. */
export interface WatchHandle {
  close(): void;
  on(event: 'error', listener: (error: Error) => void): unknown;
}
export type WatchFn = (folder: string, listener: (event: string, fileName: string | null) => void) => WatchHandle;

const nodeWatch: WatchFn = (folder, listener) => fsWatch(folder, { persistent: false }, (event, fileName) => {
  listener(event, typeof fileName === 'string' ? fileName : null);
});

export interface FolderWatcher {
  close(): void;
}

export interface WatchOptions {
  readonly onChange: () => void;
  /** Names whose changes do not count (our own file, temporary files). */
  readonly ignore: (fileName: string) => boolean;
  readonly debounceMs?: number;
  readonly watch?: WatchFn;
  readonly log?: (message: string) => void;
}

export function watchFolder(folder: string, options: WatchOptions): FolderWatcher {
  const { onChange, ignore, debounceMs = 500, watch = nodeWatch, log = (m: string) => { console.warn(m); } } = options;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let closed = false;
  const fire = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      if (!closed) onChange();
    }, debounceMs);
  };
  let watcher: WatchHandle | null = null;
  const close = () => {
    closed = true;
    if (timer !== null) clearTimeout(timer);
    watcher?.close();
    watcher = null;
  };
  try {
    watcher = watch(folder, (_event, fileName) => {
      if (fileName !== null && ignore(fileName)) return;
      fire();
    });
    watcher.on('error', (error) => {
      log(`Maillage: stopped watching ${folder}: ${error.message}`);
      watcher?.close();
      watcher = null;
      if (!closed) onChange();
    });
  } catch (error) {
    log(`Maillage: cannot watch ${folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { close };
}
