/**
 * Fields a newer minor version of the bundle format adds to records (interviews, tombstones, forms): the
 * app does not know them, but keeps them with the record (as `extras` on its row) so that they
 * travel on in every bundle it writes, as the format promises.
 */
import type { FormRecord, InterviewRecord, TombstoneRecord } from '../../../core/exchange/bundle/schema';
import type { StoredForm, StoredInterviewData, Tombstone } from './db';

type Extras = Readonly<Record<string, unknown>>;

const extrasOrNone = (extras: Record<string, unknown>): { readonly extras?: Extras } => (Object.keys(extras).length > 0 ? { extras } : {});

/** An interview's record as it travels, from its row. */
export function interviewRecordOf(row: Pick<StoredInterviewData, 'id' | 'registers' | 'extras'>): InterviewRecord {
  return row.extras ? { ...row.extras, id: row.id, fields: row.registers } : { id: row.id, fields: row.registers };
}

/** What a record carries besides its id and fields, to keep on its row. */
export function interviewExtras(record: InterviewRecord): { readonly extras?: Extras } {
  const { id: _id, fields: _fields, ...extras } = record;
  return extrasOrNone(extras);
}

export function tombstoneRecordOf(row: Tombstone): TombstoneRecord {
  return { ...row.extras, id: row.id, kind: row.kind, hlc: row.hlc };
}

export function tombstoneRow(record: TombstoneRecord): Tombstone {
  const { id, kind, hlc, ...extras } = record;
  return { id, kind, hlc, ...extrasOrNone(extras) };
}

export function formRecordOf(row: StoredForm): FormRecord {
  return { ...row.extras, key: row.key, fileName: row.fileName, source: row.source };
}

/** A form record's row, installed at `installedAt`. */
export function formRow(record: FormRecord, installedAt: string): StoredForm {
  const { key, fileName, source, ...extras } = record;
  const [id = '', version = '0'] = key.split('@');
  return { key, id, version: Number(version), source, fileName, installedAt, ...extrasOrNone(extras) };
}
