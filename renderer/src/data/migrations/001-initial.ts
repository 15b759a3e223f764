import type { Migration } from './types';

/** Version 1: interviews, indexed by date (the list's order) and by last change. */
export const migration001 = {
  version: 1,
  stores: {
    interviews: 'id, interviewDate, updatedAt',
  },
} as const satisfies Migration;
