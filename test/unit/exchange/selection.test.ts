/** Which interviews an export takes: by network, territory, interviewer and dates, each bound included. */
import { describe, expect, it } from 'vitest';
import { everything, isEverything, matches } from '../../../renderer/src/features/exchange/selection';
import { anInterview } from '../../helpers/factories';

const march = anInterview({ networkName: 'Mont-Blanc Industries', territory: 'Vallée de l’Arve', interviewer: 'Camille Roux', interviewDate: '2026-03-12' });
const june = anInterview({ networkName: 'Eurosima', territory: 'Côte basque', interviewer: 'Maite Garat', interviewDate: '2026-06-01' });
const picked = (selection: Parameters<typeof matches>[0]) => [march, june].filter(matches(selection)).map((i) => i.interviewDate);

describe('an export’s selection', () => {
  it('takes everything by default', () => {
    expect(isEverything(everything)).toBe(true);
    expect(picked(everything)).toEqual(['2026-03-12', '2026-06-01']);
  });

  it('takes a network, a territory, an interviewer, or a period (bounds included), and all of them together', () => {
    expect(picked({ ...everything, network: 'Eurosima' })).toEqual(['2026-06-01']);
    expect(picked({ ...everything, territory: 'Vallée de l’Arve' })).toEqual(['2026-03-12']);
    expect(picked({ ...everything, interviewer: 'Maite Garat' })).toEqual(['2026-06-01']);
    expect(picked({ ...everything, from: '2026-03-12', to: '2026-03-12' })).toEqual(['2026-03-12']);
    expect(picked({ ...everything, from: '2026-04-01' })).toEqual(['2026-06-01']);
    expect(picked({ ...everything, to: '2026-05-31' })).toEqual(['2026-03-12']);
    expect(picked({ ...everything, network: 'Eurosima', interviewer: 'Camille Roux' })).toEqual([]);
    expect(isEverything({ ...everything, to: '2026-05-31' })).toBe(false);
  });
});
