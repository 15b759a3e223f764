import { describe, expect, it } from 'vitest';
import {
  compareInterviewsByDate,
  foldForSearch,
  maxShortTextLength,
  validateInterviewInput,
} from '../../../core/records/interview';
import { restoreInterview } from '../../../core/records/interview-restore';
import { anInterview, anInterviewInput } from '../../helpers/factories';

const today = '2026-11-28';

describe('validateInterviewInput', () => {
  it('accepts a complete interview and normalises spaces', () => {
    const result = validateInterviewInput(anInterviewInput({ respondentName: '  Élodie   Perrin ' }), today);
    expect(result.ok && result.value.respondentName).toBe('Élodie Perrin');
  });

  it('reports every missing required field as required', () => {
    const result = validateInterviewInput({}, today);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.error).sort()).toEqual(['firmName', 'interviewDate', 'interviewer', 'respondentName']);
    expect(result.error.firmName).toEqual({ code: 'required' });
  });

  it('tells a name made only of spaces apart from an empty one', () => {
    const result = validateInterviewInput(anInterviewInput({ respondentName: ' \t  ' }), today);
    expect(!result.ok && result.error.respondentName).toEqual({ code: 'blank' });
  });

  it('accepts optional fields left empty or made of spaces, stored empty', () => {
    const result = validateInterviewInput(anInterviewInput({ commune: '   ', networkName: '' }), today);
    expect(result.ok && [result.value.commune, result.value.networkName]).toEqual(['', '']);
  });

  it('refuses text longer than the limit, in any field', () => {
    const long = 'x'.repeat(maxShortTextLength + 1);
    const result = validateInterviewInput(anInterviewInput({ commune: long }), today);
    expect(!result.ok && result.error.commune).toEqual({ code: 'too-long', max: maxShortTextLength });
    expect(validateInterviewInput(anInterviewInput({ commune: 'x'.repeat(maxShortTextLength) }), today).ok).toBe(true);
  });

  it('accepts a planned date up to one year ahead and refuses one beyond', () => {
    expect(validateInterviewInput(anInterviewInput({ interviewDate: '2027-11-28' }), today).ok).toBe(true);
    const result = validateInterviewInput(anInterviewInput({ interviewDate: '2027-11-29' }), today);
    expect(!result.ok && result.error.interviewDate).toEqual({ code: 'date-too-far', latest: '2027-11-28' });
  });

  it('refuses dates that do not exist, malformed dates and slips of the century', () => {
    for (const interviewDate of ['2026-02-30', '2026-13-01', '12/03/2026', '2026-3-1']) {
      const result = validateInterviewInput(anInterviewInput({ interviewDate }), today);
      expect(!result.ok && result.error.interviewDate, interviewDate).toEqual({ code: 'invalid-date' });
    }
    const early = validateInterviewInput(anInterviewInput({ interviewDate: '1926-03-12' }), today);
    expect(!early.ok && early.error.interviewDate?.code).toBe('date-too-early');
  });

  it('refuses a role that is not in the list', () => {
    const result = validateInterviewInput(anInterviewInput({ respondentRole: 'king' }), today);
    expect(!result.ok && result.error.respondentRole).toEqual({ code: 'invalid-choice' });
  });
});

describe('restoreInterview', () => {
  it('keeps a well-formed record as it is', () => {
    const interview = anInterview();
    expect(restoreInterview(interview)).toEqual(interview);
  });

  it('gives defaults to missing or mistyped fields of an old or tampered record', () => {
    const restored = restoreInterview({ id: 'a', respondentName: 42, respondentRole: 'king', createdAt: '2026-01-01T00:00:00Z' });
    expect(restored).toMatchObject({ id: 'a', respondentName: '', respondentRole: '', updatedAt: '2026-01-01T00:00:00Z' });
  });

  it('reports a record without an id as unreadable', () => {
    for (const raw of [null, 42, 'text', [], {}, { id: '' }, { id: 7 }]) expect(restoreInterview(raw)).toBeNull();
  });
});

describe('ordering and search', () => {
  it('sorts newest first, then by last change', () => {
    const older = anInterview({ interviewDate: '2026-01-02' });
    const newer = anInterview({ interviewDate: '2026-05-02' });
    const newerEdited = anInterview({ interviewDate: '2026-05-02', updatedAt: '2026-06-01T00:00:00Z' });
    expect([older, newer, newerEdited].sort(compareInterviewsByDate)).toEqual([newerEdited, newer, older]);
  });

  it('folds accents and case', () => {
    expect(foldForSearch('Élodie PERRIN à Cluses')).toBe('elodie perrin a cluses');
  });
});
