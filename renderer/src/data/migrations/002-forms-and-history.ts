import type { Migration } from './types';

/**
 * Version 2: interviews carry the form they were started with, their answers and their status;
 * an append-only edit history; forms installed by the researcher.
 *
 * Interviews of version 1 were all taken with the built-in instrument, version 1: their cover
 * fields become that form's answers (mapping frozen here, as it was when this was released).
 */
const coverToAnswers: Readonly<Record<string, string>> = {
  interviewer: 'a_interviewer',
  interviewDate: 'a_date',
  commune: 'a_commune',
  firmName: 'c_firm_name',
  networkName: 'e_network_name',
};

export const migration002 = {
  version: 2,
  stores: {
    interviews: 'id, interviewDate, updatedAt, status, formId',
    history: '++seq, interviewId, at',
    forms: 'key, id',
  },
  upgrade: async (tx) => {
    await tx.table('interviews').toCollection().modify((row: Record<string, unknown>) => {
      if (typeof row['formId'] === 'string') return;
      const answers: Record<string, string> = {};
      for (const [field, name] of Object.entries(coverToAnswers)) {
        const value = row[field];
        if (typeof value === 'string' && value !== '') answers[name] = value;
      }
      row['formId'] = 'spl-cooperation';
      row['formVersion'] = 1;
      row['status'] = 'draft';
      row['answers'] = answers;
      row['territory'] = '';
      row['lastPath'] = '';
    });
  },
} as const satisfies Migration;
