/** The background services (sync, backups, bundle worker) as React sees them. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Background } from './background';

const BackgroundContext = createContext<Background | null>(null);

export function BackgroundProvider({ background, children }: { background: Background; children: ReactNode }) {
  return <BackgroundContext.Provider value={background}>{children}</BackgroundContext.Provider>;
}

export function useBackground(): Background {
  const background = useContext(BackgroundContext);
  if (!background) throw new Error('useBackground() outside <BackgroundProvider>');
  return background;
}
