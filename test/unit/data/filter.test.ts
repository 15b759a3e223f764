import { describe, expect, it } from 'vitest';
import {
  facetsOf,
  filterInterviews,
  indexForSearch,
  noFilters,
  sortInterviews,
} from '../../../renderer/src/features/interviews/filter-interviews';
import { anInterview } from '../../helpers/factories';

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

describe('interview search', () => {
  const interviews = [
    anInterview({ respondentName: 'Élodie Perrin', firmName: 'Moules Perrin', networkName: 'Mont-Blanc Industries' }),
    anInterview({ respondentName: 'Iñaki Etxeberria', firmName: 'Surf Garage', networkName: 'Eurosima', commune: 'Anglet' }),
  ];
  const index = indexForSearch(interviews);

  it('finds by respondent, firm or network, blind to case and accents', () => {
    expect(filterInterviews(index, 'elodie').map((i) => i.firmName)).toEqual(['Moules Perrin']);
    expect(filterInterviews(index, 'SURF').map((i) => i.respondentName)).toEqual(['Iñaki Etxeberria']);
    expect(filterInterviews(index, 'mont blanc')).toHaveLength(1);
  });

  it('needs every word to match, and shows everything for an empty query', () => {
    expect(filterInterviews(index, 'perrin eurosima')).toHaveLength(0);
    expect(filterInterviews(index, '   ')).toHaveLength(2);
  });
});

describe('filters and sorting', () => {
  const list = [
    anInterview({ respondentName: 'Zoé', interviewer: 'Camille', networkName: 'Uztaro', territory: 'Pays basque', status: 'complete', interviewDate: '2026-01-05' }),
    anInterview({ respondentName: 'Émile', interviewer: 'Maite', networkName: 'Eurosima', territory: 'Pays basque', status: 'draft', interviewDate: '2026-03-01', formVersion: 2 }),
    anInterview({ respondentName: 'adèle', interviewer: 'Camille', networkName: 'Mont-Blanc Industries', territory: 'Vallée de l’Arve', status: 'validated', interviewDate: '2025-12-20' }),
  ];
  const index = indexForSearch(list);
  const names = (found: readonly { respondentName: string }[]) => found.map((i) => i.respondentName);

  it('filters by status, form, interviewer, network and territory, combined with the search', () => {
    expect(names(filterInterviews(index, { ...noFilters, status: 'draft' }))).toEqual(['Émile']);
    expect(names(filterInterviews(index, { ...noFilters, form: 'spl-cooperation@2' }))).toEqual(['Émile']);
    expect(names(filterInterviews(index, { ...noFilters, interviewer: 'Camille' }))).toEqual(['Zoé', 'adèle']);
    expect(names(filterInterviews(index, { ...noFilters, territory: 'Pays basque', network: 'Uztaro' }))).toEqual(['Zoé']);
    expect(names(filterInterviews(index, { ...noFilters, interviewer: 'Camille', query: 'arve' }))).toEqual(['adèle']);
  });

  it('sorts by any column in the reader’s language, both ways', () => {
    expect(names(sortInterviews(list, { column: 'respondent', direction: 'ascending' }, collator))).toEqual(['adèle', 'Émile', 'Zoé']);
    expect(names(sortInterviews(list, { column: 'date', direction: 'descending' }, collator))).toEqual(['Émile', 'Zoé', 'adèle']);
    expect(names(sortInterviews(list, { column: 'status', direction: 'descending' }, collator))).toEqual(['adèle', 'Zoé', 'Émile']);
  });

  it('offers each distinct value once, sorted', () => {
    expect(facetsOf(list, collator)).toEqual({
      forms: ['spl-cooperation@1', 'spl-cooperation@2'],
      interviewers: ['Camille', 'Maite'],
      networks: ['Eurosima', 'Mont-Blanc Industries', 'Uztaro'],
      territories: ['Pays basque', 'Vallée de l’Arve'],
    });
  });
});
