/** The storage layer's public face: the app opens one database and gets its repositories. */
import { v7 as uuidv7 } from 'uuid';
import { openMaillageDb, defaultDatabaseName } from './db';
import { createInterviewRepository, type InterviewRepository } from './interviews';

export type { InterviewList, InterviewRepository } from './interviews';
export type { StorageError, StorageErrorCode } from './storage-error';

export interface Storage {
  readonly interviews: InterviewRepository;
  close(): void;
}

export function openStorage(name: string = defaultDatabaseName): Storage {
  const db = openMaillageDb(name);
  return {
    interviews: createInterviewRepository(db, { clock: { now: () => new Date() }, newId: () => uuidv7() }),
    close: () => { db.close(); },
  };
}
