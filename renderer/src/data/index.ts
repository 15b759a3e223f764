/** The storage layer's public face: the app opens one database and gets its repositories. */
import { v7 as uuidv7 } from 'uuid';
import { openMaillageDb, defaultDatabaseName } from './db';
import { createFormRepository, type FormRepository } from './forms';
import { createInterviewRepository, type InterviewRepository } from './interviews';

export type { StoredForm } from './db';
export type { FormRepository } from './forms';
export type { DeletedInterview, InterviewList, InterviewRepository } from './interviews';
export type { StorageError, StorageErrorCode } from './storage-error';

export interface Storage {
  readonly interviews: InterviewRepository;
  readonly forms: FormRepository;
  close(): void;
}

export function openStorage(name: string = defaultDatabaseName): Storage {
  const db = openMaillageDb(name);
  return {
    interviews: createInterviewRepository(db, { clock: { now: () => new Date() }, newId: () => uuidv7() }),
    forms: createFormRepository(db),
    close: () => { db.close(); },
  };
}
