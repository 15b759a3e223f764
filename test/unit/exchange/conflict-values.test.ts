/** What a third value in a conflict may be: what the question takes. */
import { describe, expect, it } from 'vitest';
import type { FieldConflict } from '../../../renderer/src/data';
import { choiceLabels, conflictFieldLabel, thirdValueKind, thirdValueOf } from '../../../renderer/src/features/exchange/conflict-values';
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

describe('a conflict as the researcher reads it', () => {
  const form = builtInForm();
  it('names the question by its label, a repeat item’s with its group, a cover field by its own label', () => {
    const cover = (field: string) => (field === 'commune' ? 'Commune' : undefined);
    expect(conflictFieldLabel(conflict('answers.c_firm_name', ['A', 'B']), form, 'fr', cover)).toBe(form.nodes.get('c_firm_name')?.label.fr);
    expect(conflictFieldLabel(conflict('answers.l_ties[t1].l_partner_name', ['A', 'B']), form, 'en', cover)).toContain(form.nodes.get('l_partner_name')?.label.en ?? '?');
    expect(conflictFieldLabel(conflict('commune', ['Cluses', 'Marnaz']), form, 'fr', cover)).toBe('Commune');
    expect(conflictFieldLabel(conflict('answers.c_firm_name', ['A', 'B']), undefined, 'fr', cover)).toBe('c_firm_name');
  });

  it('shows choices by their labels, in the researcher’s language', () => {
    const legal = conflict('answers.c_legal_form', ['sa', 'sarl']);
    const choices = form.nodes.get('c_legal_form')?.choices ?? [];
    expect(choiceLabels(legal, form, 'sa', 'fr')).toBe(choices.find((c) => c.value === 'sa')?.label.fr);
    expect(choiceLabels(legal, form, 'unknown_code', 'en')).toBe('unknown_code');
    expect(choiceLabels(conflict('answers.c_firm_name', ['A', 'B']), form, 'A', 'fr')).toBeNull();
  });
});
