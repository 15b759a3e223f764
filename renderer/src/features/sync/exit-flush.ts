/**
 * Writing what is pending when the researcher leaves: the sync bundle and a last backup.
 *
 * Electron: closing the window waits for them. The first `beforeunload` with work pending is
 * cancelled (Electron then keeps the window open without asking anything), the work is done —
 * or given up after a time limit — and the window closes itself. Nothing can hold it open twice.
 * Browser: a page cannot delay its unloading, so the work starts on `pagehide` (and when the
 * tab is hidden, the last moment a browser reliably gives) and finishes if the browser lets it.
 */
export interface ExitTask {
  hasPendingWork(): boolean;
  flush(): Promise<void>;
}

export interface ExitFlushOptions {
  readonly tasks: readonly ExitTask[];
  readonly isElectron: boolean;
  readonly target: Pick<Window, 'addEventListener' | 'removeEventListener' | 'close'>;
  readonly documentTarget?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  readonly limitMs?: number;
}

export function installExitFlush({ tasks, isElectron, target, documentTarget, limitMs = 15_000 }: ExitFlushOptions): () => void {
  const pending = () => tasks.filter((task) => task.hasPendingWork());
  const flushAll = (work: readonly ExitTask[]) => Promise.allSettled(work.map((task) => task.flush()));

  if (isElectron) {
    let isClosing = false;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      const work = pending();
      if (isClosing || work.length === 0) return;
      isClosing = true;
      // Cancels the close; Electron asks nothing (no 'will-prevent-unload' handler in main).
      event.preventDefault();
      const limit = new Promise((resolve) => setTimeout(resolve, limitMs));
      void Promise.race([flushAll(work), limit]).then(() => { target.close(); });
    };
    target.addEventListener('beforeunload', onBeforeUnload);
    return () => { target.removeEventListener('beforeunload', onBeforeUnload); };
  }

  const onPageHide = () => { void flushAll(pending()); };
  const onVisibility = () => { if (documentTarget?.visibilityState === 'hidden') onPageHide(); };
  target.addEventListener('pagehide', onPageHide);
  documentTarget?.addEventListener('visibilitychange', onVisibility);
  return () => {
    target.removeEventListener('pagehide', onPageHide);
    documentTarget?.removeEventListener('visibilitychange', onVisibility);
  };
}
