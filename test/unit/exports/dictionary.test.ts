import { describe, expect, it } from 'vitest';
import { codebookGrid, dictionaryGrid, dictionaryHeader } from '../../../core/exports/dictionary';
import type { Cell } from '../../../core/exports/types';
import { aTinyInterview, exportOf, identified, tinyV1 } from '../../helpers/exports';

function rowsByVariable(rows: readonly (readonly Cell[])[]): Map<string, Record<string, Cell>> {
  return new Map(rows.map((row) => [`${String(row[1])}.${String(row[0])}`, Object.fromEntries(dictionaryHeader.map((h, i) => [h, row[i] ?? null]))]));
}

describe('the data dictionary', () => {
  const model = exportOf([tinyV1()], [aTinyInterview('i-1')]);
  const form = model.forms[0];
  if (!form) throw new Error('no form');
  const grid = dictionaryGrid(form);
  const rows = rowsByVariable(grid.rows);

  it('has one row per exported column of every table', () => {
    expect(grid.header).toEqual(['variable', 'table', 'label_fr', 'label_en', 'type', 'choices', 'notes_fr', 'notes_en']);
    expect(grid.rows).toHaveLength(form.tables.reduce((sum, t) => sum + t.columns.length, 0));
    expect(rows.has('ties.tie_name')).toBe(true);
  });

  it('gives each question’s label in French and English, and its type', () => {
    expect(rows.get('main.founded')).toMatchObject({ label_fr: 'Année de création', label_en: 'Year founded', type: 'integer', choices: null });
    expect(rows.get('main.eco_costs')).toMatchObject({ label_fr: 'Raisons économiques — Réduire les coûts', label_en: 'Economic reasons — Reduce costs', type: 'likert5' });
  });

  it('lists codes as "code = label fr / label en" lines', () => {
    expect(rows.get('main.practices')?.['choices']).toBe('training = Formation / Training\npurchasing = Achats / Purchasing\npromotion = Promotion / Promotion\nother = Autre / Other');
    expect(rows.get('main.practices__purchasing')).toMatchObject({ type: 'indicator', label_en: 'Practices — Purchasing', choices: '1 = choisi / chosen\n0 = non choisi / not chosen' });
    expect(rows.get('main.trust')?.['choices']).toContain('dk = Ne sait pas / Don’t know\nrefused = Refus / Refused');
    expect(rows.get('main.top__2')).toMatchObject({ type: 'rank', label_en: 'Rank — rank 2' });
  });

  it('notes which columns are pseudonymised or may identify someone', () => {
    expect(rows.get('main.firm_name')).toMatchObject({ notes_en: 'pseudonymised (a stable code, not the name)' });
    expect(rows.get('main.story')).toMatchObject({ notes_en: 'free text, may name people or firms', notes_fr: 'texte libre, peut nommer des personnes ou des entreprises' });
    expect(rows.get('main.founded')?.['notes_en']).toBeNull();
    const clear = rowsByVariable(dictionaryGrid(exportOf([tinyV1()], [aTinyInterview('i-1')], { privacy: identified }).forms[0] ?? form).rows);
    expect(clear.get('main.siren')).toMatchObject({ notes_en: 'identifying: the name in clear' });
  });
});

describe('the codebook sheet', () => {
  it('has its header even when there are no codes yet', () => {
    expect(codebookGrid([])).toEqual({ header: ['id', 'parent', 'name_fr', 'name_en', 'definition_fr', 'definition_en'], rows: [] });
  });

  it('lists each code with its parent', () => {
    const grid = codebookGrid([
      { id: 'ECO', parent: null, name: { fr: 'Motifs économiques', en: 'Economic motives' }, definition: { fr: 'Raisons d’argent', en: 'Money reasons' } },
      { id: 'ECO.COST', parent: 'ECO', name: { fr: 'Partage des coûts', en: 'Cost sharing' }, definition: { fr: 'Formation, machines', en: 'Training, machines' } },
    ]);
    expect(grid.rows[1]).toEqual(['ECO.COST', 'ECO', 'Partage des coûts', 'Cost sharing', 'Formation, machines', 'Training, machines']);
  });
});
