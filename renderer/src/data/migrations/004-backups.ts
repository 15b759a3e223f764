import type { Migration } from './types';

/**
 * Version 4: automatic backups for the browser variant (Electron keeps them as files). The list
 * reads only `backups` — name, date, size, count — and the bundle bytes wait in `backupData`
 * until one is restored.
 */
export const migration004 = {
  version: 4,
  stores: {
    backups: 'file, createdAt',
    backupData: 'file',
  },
} as const satisfies Migration;
