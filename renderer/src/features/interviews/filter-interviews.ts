/**
 * Filtering and sorting the interview list in memory. The searchable text of each interview is
 * folded once (case and accents) when the list changes, so that each keystroke in the search box
 * is one pass over plain strings.
 */
import { compareInterviewsByDate, foldForSearch, interviewSearchText, type InterviewSummary as Interview, type InterviewStatus } from '../../../../core/records/interview';

export interface SearchableInterview {
  readonly interview: Interview;
  readonly text: string;
}

export interface ListFilters {
  readonly query: string;
  readonly status: InterviewStatus | '';
  /** `formId@version`, or '' for any. */
  readonly form: string;
  readonly interviewer: string;
  readonly network: string;
  readonly territory: string;
}

export const noFilters: ListFilters = { query: '', status: '', form: '', interviewer: '', network: '', territory: '' };

export const hasFilters = (f: ListFilters, withQuery = true): boolean =>
  (withQuery && f.query.trim() !== '') || f.status !== '' || f.form !== '' || f.interviewer !== '' || f.network !== '' || f.territory !== '';

export const sortColumns = ['date', 'respondent', 'firm', 'network', 'commune', 'interviewer', 'status'] as const;
export type SortColumn = (typeof sortColumns)[number];
export interface SortOrder {
  readonly column: SortColumn;
  readonly direction: 'ascending' | 'descending';
}
export const defaultSort: SortOrder = { column: 'date', direction: 'descending' };

export const formKeyOf = (interview: Interview): string => `${interview.formId}@${interview.formVersion}`;

const statusRank: Record<InterviewStatus, number> = { draft: 0, complete: 1, validated: 2 };
const textOf: Record<Exclude<SortColumn, 'date' | 'status'>, (i: Interview) => string> = {
  respondent: (i) => i.respondentName,
  firm: (i) => i.firmName,
  network: (i) => i.networkName,
  commune: (i) => i.commune,
  interviewer: (i) => i.interviewer,
};

/** Sorted copy; ties always fall back to newest first, so the order is stable and predictable. */
export function sortInterviews(interviews: readonly Interview[], order: SortOrder, collator: Intl.Collator): Interview[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const { column } = order;
  const primary = (a: Interview, b: Interview): number => {
    if (column === 'date') return a.interviewDate < b.interviewDate ? -1 : a.interviewDate > b.interviewDate ? 1 : 0;
    if (column === 'status') return statusRank[a.status] - statusRank[b.status];
    return collator.compare(textOf[column](a), textOf[column](b));
  };
  return [...interviews].sort((a, b) => sign * primary(a, b) || compareInterviewsByDate(a, b));
}

export function indexForSearch(interviews: readonly Interview[]): SearchableInterview[] {
  return interviews.map((interview) => ({ interview, text: interviewSearchText(interview) }));
}

export function filterInterviews(index: readonly SearchableInterview[], filters: ListFilters | string): readonly Interview[] {
  const f = typeof filters === 'string' ? { ...noFilters, query: filters } : filters;
  const words = foldForSearch(f.query).split(/\s+/).filter(Boolean);
  const matches: Interview[] = [];
  for (const { interview, text } of index) {
    if (f.status !== '' && interview.status !== f.status) continue;
    if (f.form !== '' && formKeyOf(interview) !== f.form) continue;
    if (f.interviewer !== '' && interview.interviewer !== f.interviewer) continue;
    if (f.network !== '' && interview.networkName !== f.network) continue;
    if (f.territory !== '' && interview.territory !== f.territory) continue;
    if (words.length > 0 && !words.every((word) => text.includes(word))) continue;
    matches.push(interview);
  }
  return matches;
}

export interface Facets {
  readonly forms: readonly string[];
  readonly interviewers: readonly string[];
  readonly networks: readonly string[];
  readonly territories: readonly string[];
}

/** The distinct values each filter can take, sorted for the reader. */
export function facetsOf(interviews: readonly Interview[], collator: Intl.Collator): Facets {
  const distinct = (pick: (i: Interview) => string) =>
    [...new Set(interviews.map(pick).filter((v) => v !== ''))].sort((a, b) => collator.compare(a, b));
  return { forms: distinct(formKeyOf), interviewers: distinct((i) => i.interviewer), networks: distinct((i) => i.networkName), territories: distinct((i) => i.territory) };
}
