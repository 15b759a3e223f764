/**
 * What analysis exports keep on this computer: the pseudonym secret (the same one in every export,
 * so that a firm keeps its code), and the export log (one entry per export, so that the team can
 * say when data left the project, in which form, and whether names were in it).
 */
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb } from './db';
import { toStorageError, type StorageError } from './storage-error';

export interface PseudonymSecret {
  /** The secret's text, as a `.maillage-secret` file holds it (its UTF-8 bytes are the key). */
  readonly text: string;
  /** Made by this computer on its first export, or read from the team's secret file. */
  readonly origin: 'this-computer' | 'team-file';
}

export interface ExportLogEntry {
  /** ISO time of the export. */
  readonly time: string;
  readonly identified: boolean;
  readonly format: string;
  readonly labels: string;
  readonly interviews: number;
  readonly researcher: string;
  /** Where the file went (a path, or a download's name). */
  readonly location: string;
}

const secretKey = 'pseudonymSecret';
const logKey = 'exportLog';

const isSecret = (value: unknown): value is PseudonymSecret =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string' && ((value as { origin?: unknown }).origin === 'this-computer' || (value as { origin?: unknown }).origin === 'team-file');

const isEntry = (value: unknown): value is ExportLogEntry =>
  typeof value === 'object' && value !== null && typeof (value as { time?: unknown }).time === 'string' && typeof (value as { identified?: unknown }).identified === 'boolean';

const entriesOf = (value: unknown): ExportLogEntry[] => (Array.isArray(value) ? value.filter(isEntry) : []);

async function attempt<T>(work: () => Promise<T>): Promise<Result<T, StorageError>> {
  try {
    return ok(await work());
  } catch (error) {
    return err(toStorageError(error));
  }
}

/** `newSecret` makes the text of a new secret (32 random bytes as hex, as the CLI makes them). */
export function createAnalysisExportStore(db: MaillageDb, newSecret: () => string) {
  return {
    /** The secret; made and kept on the first call. */
    secret: (): Promise<Result<PseudonymSecret, StorageError>> =>
      attempt(() => db.transaction('rw', db.meta, async () => {
        const known = (await db.meta.get(secretKey))?.value;
        if (isSecret(known)) return known;
        const made: PseudonymSecret = { text: newSecret(), origin: 'this-computer' };
        await db.meta.put({ key: secretKey, value: made });
        return made;
      })),
    /** Replaces the secret by the team's (the caller has checked its length). */
    useTeamSecret: (text: string): Promise<Result<PseudonymSecret, StorageError>> =>
      attempt(async () => {
        const secret: PseudonymSecret = { text, origin: 'team-file' };
        await db.meta.put({ key: secretKey, value: secret });
        return secret;
      }),
    /** Every export made on this computer, newest first. */
    log: (): Promise<Result<readonly ExportLogEntry[], StorageError>> =>
      attempt(async () => entriesOf((await db.meta.get(logKey))?.value).reverse()),
    record: (entry: ExportLogEntry): Promise<Result<null, StorageError>> =>
      attempt(() => db.transaction('rw', db.meta, async () => {
        const entries = entriesOf((await db.meta.get(logKey))?.value);
        await db.meta.put({ key: logKey, value: [...entries, entry] });
        return null;
      })),
  };
}

export type AnalysisExportStore = ReturnType<typeof createAnalysisExportStore>;

/** 32 random bytes as hex: a new secret's text. */
export function randomSecretText(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
