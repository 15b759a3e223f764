/** Test data that reads like the field: a researcher in the Arve valley meets a mould-maker. */
import type { Interview, InterviewInput } from '../../core/records/interview';

export function anInterviewInput(overrides: InterviewInput = {}): InterviewInput {
  return {
    respondentName: 'Élodie Perrin',
    respondentRole: 'heir',
    firmName: 'Moules Perrin SARL',
    commune: 'Cluses',
    networkName: 'Mont-Blanc Industries',
    interviewDate: '2026-03-12',
    interviewer: 'Camille Roux',
    ...overrides,
  };
}

let sequence = 0;
export function anInterview(overrides: Partial<Interview> = {}): Interview {
  sequence += 1;
  return {
    id: `01890000-0000-7000-8000-${String(sequence).padStart(12, '0')}`,
    respondentName: 'Élodie Perrin',
    respondentRole: 'heir',
    firmName: 'Moules Perrin SARL',
    commune: 'Cluses',
    networkName: 'Mont-Blanc Industries',
    interviewDate: '2026-03-12',
    interviewer: 'Camille Roux',
    createdAt: '2026-03-12T09:00:00.000Z',
    updatedAt: '2026-03-12T09:00:00.000Z',
    formId: 'spl-cooperation',
    formVersion: 1,
    status: 'draft',
    answers: {},
    territory: '',
    lastPath: '',
    ...overrides,
  };
}
