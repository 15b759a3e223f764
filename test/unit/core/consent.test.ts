import { describe, expect, it } from 'vitest';
import { erasedByWithdrawal, isConsentWithdrawal, withdrawConsent } from '../../../core/records/consent';
import { anInterview } from '../../helpers/factories';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('test/fixtures/forms/tiny-v1.json');

describe('withdrawal of consent', () => {
  const interview = anInterview({ status: 'complete', answers: { agree: 'yes', firm_name: 'Moules Perrin', trust: '4', ties: [{ id: 't1', answers: { tie_name: 'A' } }] } });

  it('is a change of the consent answer away from the consenting value', () => {
    expect(isConsentWithdrawal(form, interview.answers, 'agree', 'no')).toBe(true);
    expect(isConsentWithdrawal(form, interview.answers, 'agree', undefined)).toBe(true);
    expect(isConsentWithdrawal(form, interview.answers, 'agree', 'yes')).toBe(false);
    expect(isConsentWithdrawal(form, { agree: 'no' }, 'agree', 'yes')).toBe(false);
    expect(isConsentWithdrawal(form, interview.answers, 'firm_name', 'x')).toBe(false);
  });

  it('erases every answer behind consent, keeps the consent record, and goes back to draft', () => {
    expect(erasedByWithdrawal(form, interview.answers).sort()).toEqual(['firm_name', 'ties', 'trust']);
    const withdrawn = withdrawConsent(interview, form, 'no');
    expect(withdrawn.answers).toEqual({ agree: 'no' });
    expect(withdrawn.status).toBe('draft');
    expect(withdrawn.respondentName).toBe(interview.respondentName);
  });
});
