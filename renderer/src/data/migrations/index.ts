import { migration001 } from './001-initial';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration001];

export const latestSchemaVersion = migrations.reduce((latest, m) => Math.max(latest, m.version), 0);
