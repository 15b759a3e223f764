/** The storage layer's public face: the app opens one database and gets its repositories. */
import { v7 as uuidv7 } from 'uuid';
import { openMaillageDb, defaultDatabaseName } from './db';
import { createFormRepository, type FormRepository } from './forms';
import { createInterviewRepository, type InterviewRepository } from './interviews';
import { applyImport, exportDataset, previewImport, type ImportResult, type InterviewSelection } from './exchange';
import type { Dataset, MergePreview } from '../../../core/exchange/bundle/dataset';
import type { FormRecord } from '../../../core/exchange/bundle/schema';
import type { Result } from '../../../core/shared/result';
import type { StorageError } from './storage-error';
import { deviceId } from './device-clock';
import { createConflictStore, type ConflictStore } from './conflicts';
import { createDeviceStore, type DeviceStore } from './devices';

export type { StoredForm } from './db';
export type { FormRepository } from './forms';
export type { ImportResult, InterviewSelection } from './exchange';
export type { ConflictStore, FieldConflict } from './conflicts';
export type { DeviceStore, KnownDevice } from './devices';
export type { DeletedInterview, InterviewList, InterviewRepository } from './interviews';
export type { StorageError, StorageErrorCode } from './storage-error';

export interface ExchangeStore {
  /** Everything (or a selection of interviews) as a dataset, ready to be written as a bundle. */
  exportDataset(selection?: InterviewSelection): Promise<Result<Dataset, StorageError>>;
  /** What importing would do, without writing. */
  previewImport(incoming: Dataset): Promise<Result<MergePreview, StorageError>>;
  /** Merges in one transaction; forms that do not pass `formIsValid` are not installed. */
  applyImport(incoming: Dataset, formIsValid: (record: FormRecord) => boolean): Promise<Result<ImportResult, StorageError>>;
  deviceId(): Promise<string>;
}

export interface Storage {
  readonly interviews: InterviewRepository;
  readonly forms: FormRepository;
  readonly exchange: ExchangeStore;
  readonly conflicts: ConflictStore;
  readonly devices: DeviceStore;
  close(): void;
}

export function openStorage(name: string = defaultDatabaseName): Storage {
  const db = openMaillageDb(name);
  const now = () => Date.now();
  return {
    interviews: createInterviewRepository(db, { clock: { now: () => new Date() }, newId: () => uuidv7() }),
    forms: createFormRepository(db),
    exchange: {
      exportDataset: (selection) => exportDataset(db, now, selection),
      previewImport: (incoming) => previewImport(db, now, incoming),
      applyImport: (incoming, formIsValid) => applyImport(db, now, incoming, formIsValid),
      deviceId: () => deviceId(db),
    },
    conflicts: createConflictStore(db, now),
    devices: createDeviceStore(db),
    close: () => { db.close(); },
  };
}
