import { describe, expect, it } from 'vitest';
import { filterInterviews, indexForSearch } from '../../../renderer/src/features/interviews/filter-interviews';
import { anInterview } from '../../helpers/factories';

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
