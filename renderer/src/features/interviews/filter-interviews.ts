/** Search over the loaded list: every word typed must appear in one of the searched names. */
import { foldForSearch, interviewSearchText, type Interview } from '../../../../core/records/interview';

export interface SearchableInterview {
  readonly interview: Interview;
  readonly text: string;
}

export function indexForSearch(interviews: readonly Interview[]): SearchableInterview[] {
  return interviews.map((interview) => ({ interview, text: interviewSearchText(interview) }));
}

export function filterInterviews(index: readonly SearchableInterview[], query: string): readonly Interview[] {
  const words = foldForSearch(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return index.map((entry) => entry.interview);
  const matches: Interview[] = [];
  for (const entry of index) {
    if (words.every((word) => entry.text.includes(word))) matches.push(entry.interview);
  }
  return matches;
}
