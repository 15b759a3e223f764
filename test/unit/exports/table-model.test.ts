import { describe, expect, it } from 'vitest';
import { loadFormText } from '../../../core/forms/load';
import { aTinyInterview, builtInForm, columnOf, exportOf, headerOf, rowOf, tableOf, tinyV1, tinyV2 } from '../../helpers/exports';
import { tinyFormDocument } from '../../helpers/forms';

const cover = ['interview_id', 'form_id', 'form_version', 'status', 'respondent_name', 'respondent_role', 'cover_firm_name', 'network_name', 'commune', 'territory', 'interviewer', 'interview_date'];

describe('the main table of a form', () => {
  const model = exportOf([tinyV1()], [aTinyInterview('i-1')]);

  it('starts with the interview and its cover, then one column per answer in form order', () => {
    expect(headerOf(tableOf(model, 'main'))).toEqual([
      ...cover,
      'agree', 'firm_name', 'founded', 'exports', 'region', 'department', 'joined',
      'practices', 'practices__training', 'practices__purchasing', 'practices__promotion', 'practices__other', 'practices_other',
      'saving', 'trust', 'eco_costs', 'eco_markets', 'eco_index', 'top__1', 'top__2', 'story', 'story__lang', 'story__translation', 'tie_count',
    ]);
  });

  it('leaves out notes, matrices (their items have columns), repeat groups (their own table) and, pseudonymised, the SIREN', () => {
    const header = headerOf(tableOf(model, 'main'));
    for (const absent of ['exports_note', 'eco', 'ties', 'siren']) expect(header).not.toContain(absent);
  });

  it('names the files of each form after its id and version', () => {
    expect(model.forms.map((f) => [f.formKey, f.baseName])).toEqual([['tiny@1', 'tiny-v1']]);
  });
});

describe('cells', () => {
  const interview = aTinyInterview('i-1', {
    firm_name: 'Moules Perrin', founded: 1987, exports: 12.5, region: 'ara', department: '74', joined: '2019-05-01',
    practices: ['training', 'other'], practices_other: 'Crèche', saving: 10, trust: 'dk', eco_costs: '4',
    top: ['promotion', 'training'],
    story: { text: 'Tout a commencé en 2009…', lang: 'fr', translation: { lang: 'en', text: 'It all began in 2009…' } },
  }, { respondentRole: 'heir', networkName: 'Mont-Blanc Industries', commune: 'Cluses', territory: 'Vallée de l’Arve', interviewer: 'Camille Roux', interviewDate: '2026-03-12' });
  const row = rowOf(tableOf(exportOf([tinyV1()], [interview]), 'main'), 0);

  it('writes the cover as it is, and numbers as numbers', () => {
    expect(row).toMatchObject({
      interview_id: 'i-1', form_id: 'tiny', form_version: 1, status: 'complete', respondent_role: 'heir',
      network_name: 'Mont-Blanc Industries', commune: 'Cluses', territory: 'Vallée de l’Arve', interviewer: 'Camille Roux', interview_date: '2026-03-12',
      founded: 1987, exports: 12.5, joined: '2019-05-01', region: 'ara', department: '74',
    });
  });

  it('writes a multiple choice as its codes and one 0/1 column per choice, with the "other" text', () => {
    expect(row).toMatchObject({ practices: 'training other', practices__training: 1, practices__purchasing: 0, practices__promotion: 0, practices__other: 1, practices_other: 'Crèche' });
  });

  it('leaves a hidden question empty even when an answer is stored', () => {
    expect(row['saving']).toBeNull();
  });

  it('writes Likert points as numbers and "don’t know" as its code; calculations as computed', () => {
    expect(row).toMatchObject({ trust: 'dk', eco_costs: 4, eco_markets: null, eco_index: 4 });
  });

  it('writes a ranking as one column per rank', () => {
    expect(row).toMatchObject({ top__1: 'promotion', top__2: 'training' });
  });

  it('writes a narrative answer with its language and the researcher’s translation', () => {
    expect(row).toMatchObject({ story: 'Tout a commencé en 2009…', story__lang: 'fr', story__translation: 'It all began in 2009…' });
  });

  it('leaves every indicator empty when the multiple choice is unanswered', () => {
    const empty = rowOf(tableOf(exportOf([tinyV1()], [aTinyInterview('i-2')]), 'main'), 0);
    expect([empty['practices'], empty['practices__training'], empty['practices__other'], empty['top__1'], empty['story__lang']]).toEqual([null, null, null, null, null]);
  });

  it('exports an answer of the wrong type as empty', () => {
    const odd = rowOf(tableOf(exportOf([tinyV1()], [aTinyInterview('i-3', { founded: 'nineteen' as unknown as number })]), 'main'), 0);
    expect(odd['founded']).toBeNull();
  });

  it('reads a damaged narrative answer without failing: what is usable is kept', () => {
    const story = { text: 'Texte gardé', lang: 7, translation: null } as unknown as { text: string; lang: 'fr' };
    const damaged = rowOf(tableOf(exportOf([tinyV1()], [aTinyInterview('i-5', { story })]), 'main'), 0);
    expect([damaged['story'], damaged['story__lang'], damaged['story__translation']]).toEqual(['Texte gardé', null, null]);
  });

  it('leaves the sections locked by a refused consent empty', () => {
    const refused = rowOf(tableOf(exportOf([tinyV1()], [aTinyInterview('i-4', { agree: 'no', founded: 1990, trust: '3' })]), 'main'), 0);
    expect(refused).toMatchObject({ agree: 'no', founded: null, trust: null, tie_count: null });
  });
});

describe('repeat tables', () => {
  const ties = [
    { id: '0190-b', answers: { tie_name: 'Bilbao Moldes', tie_foreign: 'yes', tie_country: 'Espagne' } },
    { id: '0190-a', answers: { tie_name: 'Lycée Charles Poncet', tie_foreign: 'no', tie_country: 'France' } },
  ];
  const model = exportOf([tinyV1()], [aTinyInterview('i-1', { ties }), aTinyInterview('i-2')]);
  const table = tableOf(model, 'ties');

  it('has one row per item, keyed by the interview, with the item’s id and number', () => {
    expect(headerOf(table)).toEqual(['interview_id', 'item_id', 'item_index', 'tie_name', 'tie_foreign', 'tie_country']);
    expect(table.rows.map((r) => r.slice(0, 3))).toEqual([['i-1', '0190-b', 1], ['i-1', '0190-a', 2]]);
  });

  it('applies the item’s own skip logic', () => {
    expect(columnOf(table, 'tie_country')).toEqual(['Espagne', null]);
  });

  it('counts the items in the main table’s calculation', () => {
    expect(columnOf(tableOf(model, 'main'), 'tie_count')).toEqual([2, 0]);
  });
});

describe('a row’s values', () => {
  const interview = aTinyInterview('i-1', { founded: 7, firm_name: 'X', p: 'hi', p_siren: '1' });
  const formOf = (extra: Record<string, unknown> | null) => {
    const document = tinyFormDocument();
    const pre = { name: 'pre', title: { fr: 'Avant', en: 'Before' }, questions: [{ type: 'text', label: { fr: 'p', en: 'p' }, relevant: '${founded} = 5', ...extra }] };
    if (extra) document.sections.unshift(pre);
    const loaded = loadFormText(JSON.stringify(document));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.error[0]));
    return loaded.value;
  };

  it('do not depend on the questions a pseudonymised export leaves out (they are worked out in the order the columns read them)', () => {
    const without = rowOf(tableOf(exportOf([formOf(null)], [interview]), 'main'), 0);
    for (const left of [{ name: 'p', confidential: true }, { name: 'p_siren' }]) {
      const model = exportOf([formOf(left)], [interview]);
      expect(headerOf(tableOf(model, 'main'))).not.toContain(left.name);
      expect(rowOf(tableOf(model, 'main'), 0)).toEqual(without);
    }
  });
});

describe('several forms and versions', () => {
  const interviews = [
    aTinyInterview('i-3', { legal_form: 'SARL' }, { formVersion: 2 }),
    aTinyInterview('i-2'),
    aTinyInterview('i-1'),
    aTinyInterview('i-9', {}, { formId: 'ghost', formVersion: 1 }),
  ];
  const model = exportOf([tinyV2(), tinyV1()], interviews);

  it('gives each form version its own tables, rows in interview id order', () => {
    expect(model.forms.map((f) => f.formKey)).toEqual(['tiny@1', 'tiny@2']);
    expect(columnOf(tableOf(model, 'main', 'tiny@1'), 'interview_id')).toEqual(['i-1', 'i-2']);
    expect(columnOf(tableOf(model, 'main', 'tiny@2'), 'legal_form')).toEqual(['SARL']);
    expect(headerOf(tableOf(model, 'main', 'tiny@1'))).not.toContain('legal_form');
  });

  it('lists the interviews whose form is missing instead of exporting them', () => {
    expect(model.missingForms).toEqual([{ formKey: 'ghost@1', interviewIds: ['i-9'] }]);
  });

  it('gives the same tables whatever the order of the input', () => {
    expect(exportOf([tinyV1(), tinyV2()], [...interviews].reverse())).toEqual(model);
  });
});

describe('the built-in instrument', () => {
  const interview = aTinyInterview('i-1', {
    b_consent_participate: 'yes', d_local_engagements: ['chamber', 'association'], i_top_reasons: ['h_territory', 'g_reduce_costs', 'h_solidarity'],
    g_reduce_costs: '4', g_new_markets: '2', k_leader_exists: 'yes', k_describe_person: { text: 'Elle connaît tout le monde.', lang: 'fr' },
    l_ties: [{ id: '0190-a', answers: { l_partner_kind: 'school', l_tie_types: ['training'] } }],
  }, { formId: 'spl-cooperation' });
  const model = exportOf([builtInForm()], [interview]);
  const main = tableOf(model, 'main');

  it('has a main table and one table for the partners', () => {
    expect(model.forms[0]?.tables.map((t) => t.name)).toEqual(['main', 'l_ties']);
    expect(headerOf(tableOf(model, 'l_ties')).slice(0, 5)).toEqual(['interview_id', 'item_id', 'item_index', 'l_partner_name', 'l_partner_kind']);
  });

  it('splits multiple choices, ranks and narrative answers, and includes the indices', () => {
    expect(rowOf(main, 0)).toMatchObject({
      d_local_engagements: 'chamber association', d_local_engagements__chamber: 1, d_local_engagements__elected_office: 0,
      i_top_reasons__1: 'h_territory', i_top_reasons__2: 'g_reduce_costs', i_top_reasons__3: 'h_solidarity',
      k_describe_person: 'Elle connaît tout le monde.', k_describe_person__lang: 'fr', idx_economic: 3, idx_breadth: 0,
    });
    expect(rowOf(tableOf(model, 'l_ties'), 0)).toMatchObject({ l_partner_kind: 'school', l_tie_types__training: 1 });
  });
});
