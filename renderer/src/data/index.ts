/** The storage layer's public face: the app opens one database and gets its repositories. */
import { v7 as uuidv7 } from 'uuid';
import { openMaillageDb, defaultDatabaseName } from './db';
import { createFormRepository, type FormRepository } from './forms';
import { createInterviewRepository, type InterviewRepository } from './interviews';
import { applyImport, exportDataset, learnDevices, previewImport, type ImportResult, type InterviewSelection } from './exchange';
import type { Dataset, MergePreview } from '../../../core/exchange/bundle/dataset';
import type { FormRecord } from '../../../core/exchange/bundle/schema';
import type { Result } from '../../../core/shared/result';
import type { StorageError } from './storage-error';
import { deviceId } from './device-clock';
import { createConflictStore, type ConflictStore } from './conflicts';
import { createDeviceStore, type DeviceStore } from './devices';
import { createBackupVault, type BackupVault } from './backups';
import { createChangeFeed, type ChangeFeed } from './changes';
import { replaceAll } from './replace';
import { createSyncFolderHandleStore, type SyncFolderHandleStore } from './sync-folder-handle';
import { createAnalysisExportStore, randomSecretText, type AnalysisExportStore } from './analysis-exports';

export type { StoredForm } from './db';
export type { FormRepository } from './forms';
export type { ImportResult, InterviewSelection } from './exchange';
export type { ConflictStore, FieldConflict } from './conflicts';
export type { DeviceStore, KnownDevice } from './devices';
export type { BackupVault, StoredBackup } from './backups';
export type { ChangeFeed } from './changes';
export type { SyncFolderHandleStore } from './sync-folder-handle';
export type { AnalysisExportStore, ExportLogEntry, ExportOutcome, PseudonymSecret } from './analysis-exports';
export type { DeletedInterview, InterviewList, InterviewRepository } from './interviews';
export type { StorageError, StorageErrorCode } from './storage-error';
export { toStorageError } from './storage-error';

export interface ExchangeStore {
  /** Everything (or a selection of interviews) as a dataset, ready to be written as a bundle. */
  exportDataset(selection?: InterviewSelection): Promise<Result<Dataset, StorageError>>;
  /** What importing would do, without writing. */
  previewImport(incoming: Dataset): Promise<Result<MergePreview, StorageError>>;
  /** Merges in one transaction; forms that do not pass `formIsValid` are not installed. */
  applyImport(incoming: Dataset, formIsValid: (record: FormRecord) => boolean): Promise<Result<ImportResult, StorageError>>;
  /** Learns who the devices a bundle names are, when the bundle brings nothing else to import. */
  learnDevices(incoming: Dataset): Promise<Result<null, StorageError>>;
  deviceId(): Promise<string>;
  /**
   * Clears interviews, answers, deletions and history, then applies `incoming` — one
   * transaction, all or nothing (restoring a backup as a full replacement).
   */
  replaceAll(incoming: Dataset, formIsValid: (record: FormRecord) => boolean): Promise<Result<ImportResult, StorageError>>;
}

export interface Storage {
  readonly interviews: InterviewRepository;
  readonly forms: FormRepository;
  readonly exchange: ExchangeStore;
  readonly conflicts: ConflictStore;
  readonly devices: DeviceStore;
  /** Tells background work (sync, backups) that interviews changed, without reading them. */
  readonly changes: ChangeFeed;
  /** Browser variant: automatic backups (Electron keeps them as files). */
  readonly backups: BackupVault;
  /** Browser variant: the shared folder's directory handle. */
  readonly syncFolder: SyncFolderHandleStore;
  /** Analysis exports: the pseudonym secret and the export log. */
  readonly analysis: AnalysisExportStore;
  /** The IndexedDB database's name, for a worker that opens its own connection. */
  readonly databaseName: string;
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
      learnDevices: (incoming) => learnDevices(db, incoming),
      deviceId: () => deviceId(db),
      replaceAll: (incoming, formIsValid) => replaceAll(db, now, incoming, formIsValid),
    },
    conflicts: createConflictStore(db, now),
    devices: createDeviceStore(db),
    changes: createChangeFeed(db),
    backups: createBackupVault(db, () => new Date()),
    syncFolder: createSyncFolderHandleStore(db),
    analysis: createAnalysisExportStore(db, randomSecretText),
    databaseName: name,
    close: () => { db.close(); },
  };
}
