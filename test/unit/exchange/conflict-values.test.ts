/** What a third value in a conflict may be: what the question takes. */
import { describe, expect, it } from 'vitest';
import type { FieldConflict } from '../../../renderer/src/data';
import { thirdValueKind, thirdValueOf } from '../../../renderer/src/features/exchange/conflict-values';
import { anInterview } from '../../helpers/factories';
import { builtInForm } from '../../helpers/exports';

const conflict = (path: string, values: readonly unknown[]): FieldConflict => ({
  interview: anInterview(), path, paths: [path], versions: values.map((value, i) => ({ value, hlc: `h${String(i)}` })),
});

describe('a third value in a conflict', () => {
  const form = builtInForm();
  it('is a text for text questions and cover fields, a number for number questions, and none for choices', () => {
    expect(thirdValueKind(conflict('answers.c_firm_name', ['A', 'B']), form)).toBe('text');
    expect(thirdValueKind(conflict('commune', ['Cluses', 'Marnaz']), form)).toBe('text');
    for (const path of ['status', 'formId', 'respondentRole', 'interviewDate', 'completedAt', 'validatedAt', 'validatedBy', 'createdAt']) {
      expect(thirdValueKind(conflict(path, ['a', 'b']), form)).toBeNull();
    }
    expect(thirdValueKind(conflict('answers.c_year_founded', [1966, 1967]), form)).toBe('integer');
    expect(thirdValueKind(conflict('answers.c_legal_form', ['sa', 'sarl']), form)).toBeNull();
    expect(thirdValueKind(conflict('answers.d_local_engagements', [['a'], ['b']]), form)).toBeNull();
    expect(thirdValueKind(conflict('answers.unknown_question', ['x', 'y']), form)).toBeNull();
    expect(thirdValueKind(conflict('answers.c_firm_name', ['A', 'B']), undefined)).toBeNull();
  });

  it('takes what the question takes', () => {
    expect(thirdValueOf('text', '  Moules Perrin ')).toBe('Moules Perrin');
    expect(thirdValueOf('integer', '1966')).toBe(1966);
    expect(thirdValueOf('integer', '19,5')).toBeNull();
    expect(thirdValueOf('decimal', '19,5')).toBe(19.5);
    expect(thirdValueOf('decimal', 'vingt')).toBeNull();
    expect(thirdValueOf('text', '   ')).toBeNull();
    expect(thirdValueOf(null, 'x')).toBeNull();
  });
});
