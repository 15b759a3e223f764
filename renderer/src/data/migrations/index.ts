import { migration001 } from './001-initial';
import { migration002 } from './002-forms-and-history';
import { migration003 } from './003-split-answers-and-sync';
import { migration004 } from './004-backups';
import type { Migration } from './types';

/** Every migration, in order. Append only. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003, migration004];

export const latestSchemaVersion = migrations.reduce((latest, m) => Math.max(latest, m.version), 0);
