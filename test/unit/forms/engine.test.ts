import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../core/forms/answers';
import { evaluateForm, interpolate } from '../../../core/forms/engine';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('test/fixtures/forms/tiny-v1.json');
const today = '2026-11-28';
const consented: Answers = { agree: 'yes' };
const run = (answers: Answers) => evaluateForm(form, answers, today);

describe('the form engine', () => {
  it('locks every section after consent until consent is given', () => {
    const before = run({});
    expect(before.sections.map((s) => [s.name, s.isLocked])).toEqual([['consent', false], ['firm', true], ['motives', true]]);
    expect(before.nodes.get('firm_name')?.isVisible).toBe(false);
    expect(before.problems.map((p) => p.name)).toEqual(['agree']);
    const after = run(consented);
    expect(after.sections.every((s) => !s.isLocked)).toBe(true);
    expect(after.hasConsent).toBe(true);
  });

  it('counts required answers among visible questions only', () => {
    const state = run({ ...consented, firm_name: 'Moules Perrin' });
    expect(state.progress).toEqual({ requiredVisible: 3, requiredAnswered: 2 });
    expect(state.sections.find((s) => s.name === 'motives')).toMatchObject({ requiredVisible: 1, requiredAnswered: 0 });
  });

  it('shows and hides questions by relevance, and hidden answers do not count', () => {
    const hidden = run({ ...consented, practices: ['training'], saving: 12 });
    expect(hidden.nodes.get('saving')?.isVisible).toBe(false);
    expect(hidden.nodes.get('saving')?.value).toBe('');
    const shown = run({ ...consented, practices: ['training', 'purchasing'] });
    expect(shown.nodes.get('saving')).toMatchObject({ isVisible: true, isRequired: true, problem: { code: 'required' } });
  });

  it('applies constraints with `.` and reports the constraint', () => {
    expect(run({ ...consented, siren: '732829321' }).nodes.get('siren')?.problem).toEqual({ code: 'constraint' });
    expect(run({ ...consented, siren: '732829320' }).nodes.get('siren')?.problem).toBeUndefined();
    expect(run({ ...consented, joined: '2027-01-01' }).nodes.get('joined')?.problem).toEqual({ code: 'constraint' });
  });

  it('checks bounds of numbers and the length of texts', () => {
    const state = run({ ...consented, founded: 1700, exports: 120, firm_name: 'x'.repeat(41) });
    expect(state.nodes.get('founded')?.problem).toEqual({ code: 'below-min', min: 1800 });
    expect(state.nodes.get('exports')?.problem).toEqual({ code: 'above-max', max: 100 });
    expect(state.nodes.get('firm_name')?.problem).toEqual({ code: 'too-long', max: 40 });
  });

  it('filters choices by an earlier answer', () => {
    const state = run({ ...consented, region: 'na' });
    expect(state.nodes.get('department')?.choices?.map((c) => c.value)).toEqual(['64']);
    expect(run({ ...consented, region: 'na', department: '74' }).nodes.get('department')?.problem).toEqual({ code: 'not-a-choice', value: '74' });
  });

  it('asks to specify "other" only when it is chosen', () => {
    expect(run({ ...consented, practices: ['training'] }).nodes.get('practices_other')?.isVisible).toBe(false);
    const state = run({ ...consented, practices: ['other'] });
    expect(state.nodes.get('practices_other')).toMatchObject({ isVisible: true, problem: { code: 'required' } });
  });

  it('computes indices from matrix items, leaving out answers outside the scale', () => {
    expect(run({ ...consented, eco_costs: '4', eco_markets: '5' }).nodes.get('eco_index')?.value).toBe(4.5);
    expect(run({ ...consented, eco_costs: '4', eco_markets: 'dk' }).nodes.get('eco_index')?.value).toBe(4);
    expect(run({ ...consented, eco_costs: 'refused' }).nodes.get('eco_index')?.value).toBe('');
  });

  it('asks for a full ranking when the ranking is required', () => {
    expect(run({ ...consented, top: ['training'] }).nodes.get('top')?.problem).toEqual({ code: 'rank-incomplete', count: 2 });
    expect(run({ ...consented, top: ['training', 'promotion'] }).nodes.get('top')?.problem).toBeUndefined();
  });

  it('evaluates each repeat item on its own answers, and counts items', () => {
    const ties = [
      { id: 't1', answers: { tie_name: 'Scierie Blanc', tie_foreign: 'no' } },
      { id: 't2', answers: { tie_name: 'Bilbao Moldes', tie_foreign: 'yes' } },
    ];
    const state = run({ ...consented, ties });
    expect(state.nodes.get('ties[t1].tie_country')?.isVisible).toBe(false);
    expect(state.nodes.get('ties[t2].tie_country')).toMatchObject({ isVisible: true, problem: { code: 'required' } });
    expect(state.nodes.get('tie_count')?.value).toBe(2);
    const many = Array.from({ length: 4 }, (_, i) => ({ id: `t${i}`, answers: { tie_name: 'x' } }));
    expect(run({ ...consented, ties: many }).nodes.get('ties')?.problem).toEqual({ code: 'too-many-items', max: 3 });
  });

  it('shows an answer of the wrong type as invalid instead of failing', () => {
    const state = run({ ...consented, founded: 'nineteen eighty', trust: '9', practices: 'training', story: { wrong: true } as never });
    for (const name of ['founded', 'trust', 'practices', 'story']) expect(state.nodes.get(name)?.problem, name).toEqual({ code: 'invalid-type' });
  });

  it('accepts long-text answers with a translation, and plain text', () => {
    const state = run({ ...consented, story: { text: 'On a commencé en 1998…', lang: 'fr', translation: { lang: 'en', text: 'We started in 1998…' } } });
    expect(state.nodes.get('story')).toMatchObject({ isAnswered: true, value: 'On a commencé en 1998…' });
  });

  it('fills labels with answers', () => {
    const state = run({ ...consented, exports: 35 });
    expect(interpolate(form.nodes.get('exports_note')?.label.fr ?? '', state)).toBe('Vous exportez 35 %');
  });
});
