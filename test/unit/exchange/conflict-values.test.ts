/** What a third value in a conflict may be: what the question takes. */
import { describe, expect, it } from 'vitest';
import type { FieldConflict } from '../../../renderer/src/data';
import { answerState, choiceLabels, conflictFieldLabel, thirdValueKind, thirdValueOf, thirdValueProblem, typedNumberProblem } from '../../../renderer/src/features/exchange/conflict-values';
import { loadFixtureForm } from '../../helpers/forms';
import { evaluateForm } from '../../../core/forms/engine';
import { anInterview } from '../../helpers/factories';
import { builtInForm } from '../../helpers/exports';

const conflict = (path: string, values: readonly unknown[], paths: readonly string[] = [path]): FieldConflict => ({
  interview: anInterview(), path, paths, versions: values.map((value, i) => ({ value, hlc: `h${String(i)}` })),
});

describe('a third value in a conflict', () => {
  const form = builtInForm();
  it('is what the question asks for: a text, a number, a date, one choice, several, a point of the scale', () => {
    expect(thirdValueKind(conflict('answers.c_firm_name', ['A', 'B']), form)).toEqual({ kind: 'text' });
    expect(thirdValueKind(conflict('commune', ['Cluses', 'Marnaz']), form)).toEqual({ kind: 'text', cover: true });
    expect(thirdValueKind(conflict('answers.c_year_founded', [1966, 1967]), form)).toEqual({ kind: 'integer' });
    expect(thirdValueKind(conflict('answers.c_export_share', [40, 45.5]), form)).toEqual({ kind: 'decimal' });
    expect(thirdValueKind(conflict('answers.a_date', ['2026-08-29', '2026-08-30']), form)).toEqual({ kind: 'date' });
    expect(thirdValueKind(conflict('answers.c_legal_form', ['sa', 'sarl']), form)).toEqual({ kind: 'choice', choices: form.nodes.get('c_legal_form')?.choices?.filter((c) => c.value !== 'other') });
    expect(thirdValueKind(conflict('answers.d_local_engagements', [['association'], ['none']]), form)).toEqual({ kind: 'choices', choices: form.nodes.get('d_local_engagements')?.choices?.filter((c) => c.value !== 'other') });
    expect(thirdValueKind(conflict('answers.f_export_intensity', ['4', '5']), form)).toEqual({ kind: 'likert' });
    expect(thirdValueKind(conflict('answers.g_reduce_costs', ['1', 'dk']), form)).toEqual({ kind: 'likert' });
    expect(thirdValueKind(conflict('answers.l_ties[t1].l_tie_types', [['staff'], ['export']]), form)?.kind).toBe('choices');
  });

  it('is none where the versions are chosen among: fields the app sets, narratives, rankings, unknown questions', () => {
    for (const path of ['status', 'formId', 'respondentRole', 'interviewDate', 'completedAt', 'validatedAt', 'validatedBy', 'createdAt']) {
      expect(thirdValueKind(conflict(path, ['a', 'b']), form)).toBeNull();
    }
    expect(thirdValueKind(conflict('answers.n_how_started', [{ text: 'a', lang: 'fr' }, { text: 'b', lang: 'fr' }]), form)).toBeNull();
    expect(thirdValueKind(conflict('answers.i_top_reasons', [['a'], ['b']]), form)).toBeNull();
    expect(thirdValueKind(conflict('answers.unknown_question', ['x', 'y']), form)).toBeNull();
    expect(thirdValueKind(conflict('answers.c_firm_name', ['A', 'B']), undefined)).toBeNull();
  });

  it('takes what the question takes, and nothing else', () => {
    expect(thirdValueOf({ kind: 'text' }, '  Moules Perrin ')).toBe('Moules Perrin');
    // A cover field folds inner runs of spaces, as the interview's editor does; an answer keeps them, as the fill screen does.
    expect(thirdValueOf({ kind: 'text', cover: true }, ' Moules \t  Perrin ')).toBe('Moules Perrin');
    expect(thirdValueOf({ kind: 'text' }, 'Moules  Perrin')).toBe('Moules  Perrin');
    expect(thirdValueOf({ kind: 'integer' }, '1966')).toBe(1966);
    expect(thirdValueOf({ kind: 'integer' }, '19,5')).toBeNull();
    expect(thirdValueOf({ kind: 'decimal' }, '19,5')).toBe(19.5);
    expect(thirdValueOf({ kind: 'decimal' }, 'vingt')).toBeNull();
    expect(thirdValueOf({ kind: 'text' }, '   ')).toBeNull();
    expect(thirdValueOf({ kind: 'text' }, ['x'])).toBeNull();
    expect(thirdValueOf(null, 'x')).toBeNull();
    expect(thirdValueOf({ kind: 'date' }, '2026-08-30')).toBe('2026-08-30');
    expect(thirdValueOf({ kind: 'date' }, '2026-02-30')).toBeNull();
    expect(thirdValueOf({ kind: 'likert' }, 'dk')).toBe('dk');
    expect(thirdValueOf({ kind: 'likert' }, '6')).toBeNull();
    const legal = thirdValueKind(conflict('answers.c_legal_form', ['sa', 'sarl']), form);
    expect(thirdValueOf(legal, 'sas')).toBe('sas');
    expect(thirdValueOf(legal, 'not_a_code')).toBeNull();
    expect(thirdValueOf(legal, '')).toBeNull();
    const engagements = thirdValueKind(conflict('answers.d_local_engagements', [['association'], ['none']]), form);
    const codes = (form.nodes.get('d_local_engagements')?.choices ?? []).map((c) => c.value);
    // Kept in the form's order, whatever the order they were ticked in; codes the form lacks dropped.
    expect(thirdValueOf(engagements, [codes[2] ?? '', codes[0] ?? '', 'not_a_code'])).toEqual([codes[0], codes[2]]);
    expect(thirdValueOf(engagements, [])).toBeNull();
  });
});

describe('a third value checked as the fill screen and the interview editor check it', () => {
  const tiny = loadFixtureForm('test/fixtures/forms/tiny-v1.json');
  const today = '2026-11-29';
  const answers = { agree: 'yes', region: 'ara', department: '74', joined: '2020-05-01', practices: ['purchasing'] };

  it('offers the choices the question’s filter leaves, and never the “other” choice whose text it would need', () => {
    const department = conflict('answers.department', ['74', '38']);
    const answer = answerState(department, evaluateForm(tiny, answers, today));
    expect(answer?.choices?.map((c) => c.value)).toEqual(['74', '38']);
    expect(thirdValueKind(department, tiny, answer)).toEqual({ kind: 'choice', choices: answer?.choices });
    const practices = thirdValueKind(conflict('answers.practices', [['purchasing'], ['training']]), tiny, undefined);
    expect(practices?.kind === 'choices' && practices.choices.map((c) => c.value)).not.toContain('other');
    const engagements = thirdValueKind(conflict('answers.d_local_engagements', [['association'], ['none']]), builtInForm());
    expect(engagements?.kind === 'choices' && engagements.choices.map((c) => c.value)).not.toContain('other');
  });

  it('offers none while the interview is not known, for a question it does not show, or an item it no longer has', () => {
    const saving = conflict('answers.saving', [10, 12]);
    expect(thirdValueKind(saving, tiny, null)).toBeNull();
    // Saving is asked only when purchasing is one of the practices.
    expect(thirdValueKind(saving, tiny, answerState(saving, evaluateForm(tiny, { ...answers, practices: ['training'] }, today)))).toBeNull();
    expect(thirdValueKind(saving, tiny, answerState(saving, evaluateForm(tiny, answers, today)))).toEqual({ kind: 'decimal' });
    // Without consent, nothing after it shows.
    const founded = conflict('answers.founded', [1990, 1991]);
    expect(thirdValueKind(founded, tiny, answerState(founded, evaluateForm(tiny, { founded: 1990 }, today)))).toBeNull();
    const tie = conflict('answers.ties[t9].tie_name', ['A', 'B']);
    expect(answerState(tie, evaluateForm(tiny, answers, today))).toBeNull();
    expect(answerState(conflict('firmName', ['A', 'B']), evaluateForm(tiny, answers, today))).toBeUndefined();
  });

  it('reads numbers as the fill screen reads them, and says why one is refused', () => {
    expect(thirdValueOf({ kind: 'integer' }, '1 998')).toBe(1998);
    expect(thirdValueOf({ kind: 'decimal' }, '12,5')).toBe(12.5);
    for (const odd of ['0x7D0', '1e3', '0b11', 'Infinity']) expect(thirdValueOf({ kind: 'decimal' }, odd)).toBeNull();
    expect(typedNumberProblem({ kind: 'integer' }, '19,5')).toBe('integer');
    expect(typedNumberProblem({ kind: 'decimal' }, '1e3')).toBe('number');
    expect(typedNumberProblem({ kind: 'decimal' }, '')).toBeNull();
    expect(typedNumberProblem({ kind: 'text' }, 'abc')).toBeNull();
  });

  it('refuses what the form refuses: a choice its filter leaves out, a date its constraint forbids, a number out of bounds', () => {
    expect(thirdValueProblem(conflict('answers.department', ['74', '38']), tiny, answers, '64', today)).toMatchObject({ kind: 'answer', problem: { code: 'not-a-choice', value: '64' } });
    expect(thirdValueProblem(conflict('answers.joined', ['2020-05-01', '2021-01-01']), tiny, answers, '2099-01-01', today)).toMatchObject({ kind: 'answer', problem: { code: 'constraint' } });
    expect(thirdValueProblem(conflict('answers.founded', [1990, 1991]), tiny, answers, 1700, today)).toMatchObject({ kind: 'answer', problem: { code: 'below-min', min: 1800 } });
    expect(thirdValueProblem(conflict('answers.department', ['74', '38']), tiny, answers, '38', today)).toBeNull();
    expect(thirdValueProblem(conflict('answers.joined', ['2020-05-01', '2021-01-01']), tiny, answers, '2022-02-02', today)).toBeNull();
  });

  it('refuses for the interview’s own field what its editor refuses, when the answer mirrors it', () => {
    const form = builtInForm();
    const cover = conflict('interviewDate', ['2026-08-29', '2026-08-30']);
    expect(thirdValueProblem(cover, form, {}, '1900-01-01', today)).toEqual({ kind: 'cover', problem: { code: 'date-too-early', earliest: '1950-01-01' } });
    expect(thirdValueProblem(cover, form, {}, '2031-01-01', today)).toMatchObject({ kind: 'cover', problem: { code: 'date-too-far' } });
    // The form's date question and the interview's date, settled together: both must take it.
    const date = conflict('answers.a_date', ['2026-08-29', '2026-08-30'], ['answers.a_date', 'interviewDate']);
    expect(thirdValueProblem(date, form, {}, '1900-01-01', today)).not.toBeNull();
    expect(thirdValueProblem(date, form, {}, '2031-01-01', today)).not.toBeNull();
    expect(thirdValueProblem(date, form, {}, '2026-08-31', today)).toBeNull();
    const firm = conflict('firmName', ['A', 'B']);
    expect(thirdValueProblem(firm, form, {}, 'x'.repeat(300), today)).toMatchObject({ kind: 'cover', problem: { code: 'too-long' } });
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
