/**
 * The Dexie database: the only place that knows the schema. Everything else goes through the
 * repositories in this folder.
 */
import Dexie, { type Table } from 'dexie';
import type { FieldRegisters } from '../../../core/exchange/interview-sync';
import type { Answers } from '../../../core/forms/answers';
import type { InterviewSummary } from '../../../core/records/interview';
import type { EditEntry } from '../../../core/records/lifecycle';
import { migrations } from './migrations';
import { registersCheckedKey } from './meta-keys';

/** A form installed by the researcher, kept as the text of its file. */
export interface StoredForm {
  /** `id@version` */
  readonly key: string;
  readonly id: string;
  readonly version: number;
  readonly source: string;
  readonly fileName: string;
  readonly installedAt: string;
  /** Fields of its record from a newer minor version of the bundle format (see record-extras.ts). */
  readonly extras?: Readonly<Record<string, unknown>>;
}

/** The part of an interview read only when it is opened: its answers and its merge registers. */
export interface StoredInterviewData {
  readonly id: string;
  readonly answers: Answers;
  readonly registers: FieldRegisters;
  /** Fields of its record from a newer minor version of the bundle format, kept to travel on (see record-extras.ts). */
  readonly extras?: Readonly<Record<string, unknown>>;
}

/** A deleted record: it stays deleted on every computer that hears of it. */
export interface Tombstone {
  readonly id: string;
  readonly kind: 'interview';
  readonly hlc: string;
  /** As for StoredInterviewData. */
  readonly extras?: Readonly<Record<string, unknown>>;
}

export interface MetaEntry {
  readonly key: string;
  readonly value: unknown;
}

/** An automatic backup (browser variant): what the list shows. */
export interface StoredBackup {
  /** The file name it would have on disk (core/exchange/backup-rotation.ts). */
  readonly file: string;
  /** ISO 8601. */
  readonly createdAt: string;
  readonly size: number;
  readonly interviews: number;
}

/** A backup's bundle bytes, read only to restore it. */
export interface StoredBackupData {
  readonly file: string;
  readonly bytes: Uint8Array;
}

export interface StoredEditEntry extends EditEntry {
  readonly seq?: number;
}

/**
 * Interviews are written in the core's shape; whatever is read back goes through the core's
 * restore step, since a stored record may be older than this code.
 */
export class MaillageDb extends Dexie {
  declare interviews: Table<InterviewSummary, string>;
  declare interviewData: Table<StoredInterviewData, string>;
  declare tombstones: Table<Tombstone, string>;
  declare meta: Table<MetaEntry, string>;
  declare history: Table<StoredEditEntry, number>;
  declare forms: Table<StoredForm, string>;
  declare backups: Table<StoredBackup, string>;
  declare backupData: Table<StoredBackupData, string>;

  constructor(name: string) {
    super(name);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
    // A new database holds no interview saved before merge registers existed (see exchange.ts).
    this.on('populate', (tx) => {
      void tx.table('meta').add({ key: registersCheckedKey, value: true });
    });
  }
}

export const defaultDatabaseName = 'maillage';

export function openMaillageDb(name: string = defaultDatabaseName): MaillageDb {
  return new MaillageDb(name);
}
