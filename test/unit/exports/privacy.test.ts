import { describe, expect, it } from 'vitest';
import { buildExportModel } from '../../../core/exports/table-model';
import { loadForm } from '../../../core/forms/load';
import type { CompiledForm } from '../../../core/forms/model';
import { aTinyInterview, builtInForm, columnOf, exportOf, headerOf, identified, rowOf, tableOf, testSecret, tinyV1 } from '../../helpers/exports';
import { tinyFormDocument } from '../../helpers/forms';

const ties = [{ id: '0190-a', answers: { tie_name: 'Bilbao Moldes', tie_foreign: 'yes', tie_country: 'Espagne' } }];
const perrin = aTinyInterview('i-1', { firm_name: 'Moules Perrin', siren: '732829320', ties }, { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin' });
const other = aTinyInterview('i-2', { firm_name: 'Verrerie Lamy' }, { respondentName: 'Jean Lamy', firmName: 'Verrerie Lamy' });

/** The tiny form with its narrative question marked confidential. */
function tinyWithConfidentialStory(): CompiledForm {
  const document = tinyFormDocument();
  const story = document.sections[2]?.questions.find((q) => q['name'] === 'story');
  if (story) story['confidential'] = true;
  const loaded = loadForm(document);
  if (!loaded.ok) throw new Error('fixture does not load');
  return loaded.value;
}

describe('pseudonymised exports (the default)', () => {
  const model = exportOf([tinyV1()], [perrin, other]);
  const main = rowOf(tableOf(model, 'main'), 0);

  it('replace the names of respondents, firms and partners by codes', () => {
    expect(main['respondent_name']).toMatch(/^R-[0-9a-f]{10}$/);
    expect(main['cover_firm_name']).toMatch(/^F-[0-9a-f]{10}$/);
    expect(main['firm_name']).toBe(main['cover_firm_name']);
    expect(columnOf(tableOf(model, 'ties'), 'tie_name')).toEqual([expect.stringMatching(/^P-[0-9a-f]{10}$/)]);
    const everything = JSON.stringify(model);
    for (const name of ['Élodie Perrin', 'Moules Perrin', 'Jean Lamy', 'Verrerie Lamy', 'Bilbao Moldes']) expect(everything).not.toContain(name);
  });

  it('give different firms different codes, and the same firm the same code however it is typed', () => {
    const firms = columnOf(tableOf(model, 'main'), 'firm_name');
    expect(firms[0]).not.toBe(firms[1]);
    const retyped = exportOf([tinyV1()], [aTinyInterview('i-7', { firm_name: '  MOULES   perrin ' })]);
    expect(columnOf(tableOf(retyped, 'main'), 'firm_name')).toEqual([firms[0]]);
  });

  it('are stable from one export to the next with the same secret', () => {
    const later = exportOf([tinyV1()], [other, aTinyInterview('i-3', { firm_name: 'Décolletage Bouvier' })]);
    expect(columnOf(tableOf(later, 'main'), 'firm_name')[0]).toBe(columnOf(tableOf(model, 'main'), 'firm_name')[1]);
  });

  it('change with the secret', () => {
    const secret = new TextEncoder().encode('another project, another secret');
    const elsewhere = exportOf([tinyV1()], [perrin], { privacy: { mode: 'pseudonymised', secret } });
    expect(rowOf(tableOf(elsewhere, 'main'), 0)['firm_name']).not.toBe(main['firm_name']);
  });

  it('match a partner to an interviewed firm of the same name (same hex part)', () => {
    const partner = aTinyInterview('i-5', { ties: [{ id: '0190-c', answers: { tie_name: 'Moules Perrin' } }] });
    const both = exportOf([tinyV1()], [perrin, partner]);
    expect(columnOf(tableOf(both, 'ties'), 'tie_name')).toContain(String(main['firm_name']).replace('F-', 'P-'));
  });

  it('leave out confidential questions and registry numbers (SIREN)', () => {
    const header = headerOf(tableOf(exportOf([tinyWithConfidentialStory()], [perrin]), 'main'));
    for (const absent of ['story', 'story__lang', 'story__translation', 'siren']) expect(header).not.toContain(absent);
  });

  it('refuse a secret shorter than 16 bytes', () => {
    const form = tinyV1();
    const built = buildExportModel(new Map([[form.key, form]]), [perrin], { labels: 'codes', privacy: { mode: 'pseudonymised', secret: testSecret.slice(0, 15) }, today: '2026-11-28' });
    expect(built).toEqual({ ok: false, error: { code: 'weak-secret', minBytes: 16 } });
  });

  it('pseudonymise the built-in instrument’s firm and partners, keep its network, and leave out the interviewer’s observations', () => {
    const interview = aTinyInterview('i-1', {
      b_consent_participate: 'yes', c_firm_name: 'Moules Perrin', c_siren: '732829320', e_network_name: 'Mont-Blanc Industries',
      n_observations: { text: 'Très méfiant au début.', lang: 'fr' }, l_ties: [{ id: '0190-a', answers: { l_partner_name: 'Bilbao Moldes' } }],
    }, { formId: 'spl-cooperation' });
    const built = exportOf([builtInForm()], [interview]);
    const row = rowOf(tableOf(built, 'main'), 0);
    expect(row['c_firm_name']).toMatch(/^F-/);
    expect(row['e_network_name']).toBe('Mont-Blanc Industries');
    expect(headerOf(tableOf(built, 'main'))).not.toContain('n_observations');
    expect(headerOf(tableOf(built, 'main'))).not.toContain('c_siren');
    expect(columnOf(tableOf(built, 'l_ties'), 'l_partner_name')).toEqual([expect.stringMatching(/^P-/)]);
  });
});

describe('identified exports (only on request)', () => {
  const model = exportOf([tinyWithConfidentialStory()], [perrin], { privacy: identified });
  const table = tableOf(model, 'main');

  it('keep names, registry numbers and confidential answers in clear, and say so in the column notes', () => {
    expect(rowOf(table, 0)).toMatchObject({ respondent_name: 'Élodie Perrin', cover_firm_name: 'Moules Perrin', firm_name: 'Moules Perrin', siren: '732829320' });
    expect(columnOf(tableOf(model, 'ties'), 'tie_name')).toEqual(['Bilbao Moldes']);
    const notes = Object.fromEntries(table.columns.map((c) => [c.name, c.notes]));
    expect(notes['firm_name']).toEqual(['identifying']);
    expect(notes['siren']).toEqual(['identifying']);
    expect(notes['story']).toEqual(['possibly-identifying', 'confidential']);
    expect(model.identified).toBe(true);
  });
});
