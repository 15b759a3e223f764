/**
 * Who is working on this computer, for the edit history ("who changed what"). The researcher's
 * name is remembered from the last interview they recorded, until a profile screen sets it.
 */
const researcherKey = 'maillage.researcher';
const lastInterviewerKey = 'maillage.lastInterviewer';

export function currentResearcher(): string {
  try {
    return window.localStorage.getItem(researcherKey) ?? window.localStorage.getItem(lastInterviewerKey) ?? '';
  } catch {
    return '';
  }
}
