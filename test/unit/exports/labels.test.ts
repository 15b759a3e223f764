import { describe, expect, it } from 'vitest';
import { aTinyInterview, builtInForm, exportOf, rowOf, tableOf, tinyV1 } from '../../helpers/exports';

const answers = {
  region: 'ara', department: '74', practices: ['training', 'other'], practices_other: 'Crèche', trust: 'dk', eco_costs: '5', eco_markets: 'refused',
  top: ['promotion', 'training'], story: { text: 'On se connaît depuis le lycée.', lang: 'fr' as const },
};
const rowIn = (labels: 'codes' | 'fr' | 'en') => rowOf(tableOf(exportOf([tinyV1()], [aTinyInterview('i-1', answers, { respondentRole: 'heir' })], { labels }), 'main'), 0);

describe('values as labels', () => {
  it('writes codes by default', () => {
    expect(rowIn('codes')).toMatchObject({ status: 'complete', respondent_role: 'heir', region: 'ara', practices: 'training other', trust: 'dk', eco_markets: 'refused', top__1: 'promotion', story__lang: 'fr' });
  });

  it('writes the French labels of choices, statuses, roles and languages', () => {
    expect(rowIn('fr')).toMatchObject({
      status: 'Terminé', respondent_role: 'Héritier ou héritière', region: 'Auvergne-Rhône-Alpes', department: 'Haute-Savoie',
      practices: 'Formation; Autre', trust: 'Ne sait pas', eco_markets: 'Refus', top__1: 'Promotion', top__2: 'Formation', story__lang: 'Français',
    });
  });

  it('writes the English labels', () => {
    expect(rowIn('en')).toMatchObject({ status: 'Complete', region: 'Auvergne-Rhône-Alpes', practices: 'Training; Other', trust: 'Don’t know', eco_markets: 'Refused', top__1: 'Promotion', story__lang: 'French' });
  });

  it('keeps numbers, Likert points and 0/1 indicators as numbers in every mode', () => {
    for (const labels of ['codes', 'fr', 'en'] as const) {
      expect(rowIn(labels)).toMatchObject({ eco_costs: 5, eco_index: 5, practices__training: 1, practices__purchasing: 0, practices_other: 'Crèche' });
    }
  });

  it('writes a stored value that is not a choice as it is', () => {
    const row = rowOf(tableOf(exportOf([tinyV1()], [aTinyInterview('i-1', { region: 'zz' })], { labels: 'fr' }), 'main'), 0);
    expect(row['region']).toBe('zz');
  });

  it('labels the built-in instrument’s choices in both languages', () => {
    const form = builtInForm();
    const interview = aTinyInterview('i-1', { b_consent_participate: 'yes', c_headcount_band: '10_49', a_mode: 'phone' }, { formId: 'spl-cooperation' });
    const fr = rowOf(tableOf(exportOf([form], [interview], { labels: 'fr' }), 'main'), 0);
    const en = rowOf(tableOf(exportOf([form], [interview], { labels: 'en' }), 'main'), 0);
    expect([fr['a_mode'], fr['c_headcount_band']]).toEqual(['Par téléphone', '10 à 49 salariés']);
    expect([en['a_mode'], en['c_headcount_band']]).toEqual(['By phone', '10 to 49 employees']);
  });
});
