/**
 * One polite live region for confirmations ("Saved", "Deleted — Undo"), warnings (something to
 * settle, such as conflicts a merge brought) and errors, so that they are announced by screen
 * readers and can carry one action.
 */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface Notice {
  readonly kind: 'success' | 'warning' | 'error';
  readonly text: string;
  readonly action?: { readonly label: string; readonly run: () => void };
}

interface NoticeApi {
  show(notice: Notice): void;
  clear(): void;
}

const NoticeContext = createContext<NoticeApi | null>(null);

export function NoticeProvider({ children, dismissLabel }: { children: ReactNode; dismissLabel?: string }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const clear = useCallback(() => { setNotice(null); }, []);
  const api = useMemo<NoticeApi>(() => ({ show: setNotice, clear }), [clear]);
  return (
    <NoticeContext.Provider value={api}>
      {children}
      <div className={`notice ${notice ? `notice-${notice.kind}` : 'notice-empty'}`} role="status" aria-live="polite">
        {notice && (
          <>
            <span className="notice-text">{notice.text}</span>
            {notice.action && (
              <button type="button" onClick={() => { notice.action?.run(); clear(); }}>
                {notice.action.label}
              </button>
            )}
            <button type="button" className="notice-dismiss" onClick={clear} aria-label={dismissLabel ?? '×'}>
              ×
            </button>
          </>
        )}
      </div>
    </NoticeContext.Provider>
  );
}

export function useNotice(): NoticeApi {
  const api = useContext(NoticeContext);
  if (!api) throw new Error('useNotice() outside <NoticeProvider>');
  return api;
}
