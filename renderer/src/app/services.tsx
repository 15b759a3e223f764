/** What features need from outside React: storage, the platform bridge, start-up facts. */
import { createContext, useContext, type ReactNode } from 'react';
import type { Storage } from '../data';
import type { MaillageBridge } from '../platform';
import type { PersistenceState } from './persistence';

export interface Services {
  readonly storage: Storage;
  readonly platform: MaillageBridge;
  readonly persistence: Promise<PersistenceState>;
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices() outside <ServicesProvider>');
  return services;
}
