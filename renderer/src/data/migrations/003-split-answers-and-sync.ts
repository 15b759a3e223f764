import type { Migration } from './types';

/**
 * Version 3: answers move out of the interview rows into `interviewData` (so that listing ten
 * thousand interviews reads only their summaries), with the per-field registers that let
 * researchers merge their work; deletions leave tombstones; `meta` holds this device's identity
 * and clock.
 *
 * Existing interviews get their registers at the first save (their fields are stamped then).
 */
export const migration003 = {
  version: 3,
  stores: {
    interviewData: 'id',
    tombstones: 'id',
    meta: 'key',
  },
  upgrade: async (tx) => {
    const data = tx.table('interviewData');
    await tx.table('interviews').toCollection().modify((row: Record<string, unknown>) => {
      const answers = typeof row['answers'] === 'object' && row['answers'] !== null ? row['answers'] : {};
      void data.put({ id: row['id'], answers, registers: {} });
      delete row['answers'];
    });
  },
} as const satisfies Migration;
