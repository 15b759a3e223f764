/**
 * The columns that come before the questions: in the main table, the interview's identity and
 * cover (who, which firm and network, where, by whom, when); in a repeat table, the key back to
 * the interview and the item's own id and number, as ODK writes its repeat sheets.
 */
import type { InterviewSummary } from '../records/interview';
import { codeCell, textCell } from './cells';
import { csvField } from './csv';
import { codeFields, type ColumnContext, type ColumnSpec } from './question-columns';
import type { PseudonymKind } from './pseudonyms';
import type { CodeLabel, ColumnNote, ColumnType, ExportColumn } from './types';
import { coverLabels, roleCodeLabels, statusCodeLabels } from './vocabulary';

type CoverName = keyof typeof coverLabels;

const column = (name: CoverName, type: ColumnType, notes: readonly ColumnNote[] = [], extra: { readonly codes?: readonly CodeLabel[] } = {}): ExportColumn => ({
  name, label: coverLabels[name], type, ...extra, notes,
});

export function mainCoverColumns({ labels, book }: ColumnContext): ColumnSpec[] {
  const text = (name: CoverName, field: 'formId' | 'networkName' | 'commune' | 'territory' | 'interviewer' | 'interviewDate', type: ColumnType = 'text'): ColumnSpec => ({
    column: column(name, type),
    read: ({ interview }: { readonly interview: InterviewSummary }) => textCell(interview[field]),
    csv: ({ interview }: { readonly interview: InterviewSummary }) => csvField(textCell(interview[field])),
  });
  const named = (name: CoverName, field: 'respondentName' | 'firmName', kind: PseudonymKind): ColumnSpec => ({
    column: column(name, 'text', [book ? 'pseudonymised' : 'identifying']),
    read: ({ interview }) => (book ? book.request(kind, interview[field]) : textCell(interview[field])),
  });
  const statusField = codeFields(statusCodeLabels, (code) => codeCell(code, statusCodeLabels, labels));
  const roleField = codeFields(roleCodeLabels, (code) => codeCell(code, roleCodeLabels, labels));
  return [
    { column: column('interview_id', 'id'), read: ({ interview }) => interview.id, csv: ({ interview }) => csvField(interview.id) },
    text('form_id', 'formId'),
    { column: column('form_version', 'integer'), read: ({ interview }) => interview.formVersion, csv: ({ interview }) => csvField(interview.formVersion) },
    {
      column: column('status', 'status', [], { codes: statusCodeLabels }),
      read: ({ interview }) => codeCell(interview.status, statusCodeLabels, labels),
      csv: ({ interview }) => statusField(interview.status),
    },
    named('respondent_name', 'respondentName', 'R'),
    {
      column: column('respondent_role', 'single-choice', [], { codes: roleCodeLabels }),
      read: ({ interview }) => codeCell(interview.respondentRole, roleCodeLabels, labels),
      csv: ({ interview }) => roleField(interview.respondentRole),
    },
    named('firm_name', 'firmName', 'F'),
    text('network_name', 'networkName'),
    text('commune', 'commune'),
    text('territory', 'territory'),
    text('interviewer', 'interviewer'),
    text('interview_date', 'interviewDate', 'date'),
  ];
}

export function repeatCoverColumns(): ColumnSpec[] {
  return [
    { column: column('interview_id', 'id'), read: ({ interview }) => interview.id, csv: ({ interview }) => csvField(interview.id) },
    { column: column('item_id', 'id'), read: ({ item }) => item?.id ?? null, csv: ({ item }) => csvField(item?.id ?? null) },
    { column: column('item_index', 'integer'), read: ({ item }) => item?.index ?? null, csv: ({ item }) => csvField(item?.index ?? null) },
  ];
}
