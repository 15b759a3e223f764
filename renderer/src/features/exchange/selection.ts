/** Which interviews an export takes: everything, or those of a network, territory, interviewer or period. Plain data: it crosses to the bundle worker. */
import type { InterviewSummary } from '../../../../core/records/interview';

export interface Selection {
  readonly network: string;
  readonly territory: string;
  readonly interviewer: string;
  /** `YYYY-MM-DD`, or '' for no bound. */
  readonly from: string;
  readonly to: string;
}

export const everything: Selection = { network: '', territory: '', interviewer: '', from: '', to: '' };

export const isEverything = (s: Selection): boolean => s.network === '' && s.territory === '' && s.interviewer === '' && s.from === '' && s.to === '';

export const matches = (s: Selection) => (i: InterviewSummary): boolean =>
  (s.network === '' || i.networkName === s.network) &&
  (s.territory === '' || i.territory === s.territory) &&
  (s.interviewer === '' || i.interviewer === s.interviewer) &&
  (s.from === '' || i.interviewDate >= s.from) &&
  (s.to === '' || i.interviewDate <= s.to);
