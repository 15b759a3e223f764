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

/** What became of an export's file: offered for saving (the entry is written first), then saved, cancelled or not written. */
export type ExportOutcome = 'offered' | 'saved' | 'cancelled' | 'failed';

export interface ExportLogEntry {
  /** Names the entry, to settle its outcome. */
  readonly id: string;
  /** ISO time of the export. */
  readonly time: string;
  readonly identified: boolean;
  readonly format: string;
  readonly labels: string;
  readonly interviews: number;
  readonly researcher: string;
  /** The file's name as offered; once saved, where it went (a path, or a download's name). */
  readonly location: string;
  readonly outcome: ExportOutcome;
}

const secretKey = 'pseudonymSecret';
/** Secrets replaced by another, kept so that the codes of earlier exports can still be made again. */
const formerSecretsKey = 'formerPseudonymSecrets';
const logKey = 'exportLog';

const isSecret = (value: unknown): value is PseudonymSecret =>
  typeof value === 'object' && value !== null && typeof (value as { text?: unknown }).text === 'string' && ((value as { origin?: unknown }).origin === 'this-computer' || (value as { origin?: unknown }).origin === 'team-file');

const isEntry = (value: unknown): value is ExportLogEntry =>
  typeof value === 'object' && value !== null && typeof (value as { time?: unknown }).time === 'string' && typeof (value as { identified?: unknown }).identified === 'boolean';

const outcomes: readonly ExportOutcome[] = ['offered', 'saved', 'cancelled', 'failed'];
const entriesOf = (value: unknown): ExportLogEntry[] =>
  Array.isArray(value)
    ? value.filter(isEntry).map((e) => ({ ...e, id: typeof e.id === 'string' ? e.id : e.time, outcome: outcomes.includes(e.outcome) ? e.outcome : 'offered' }))
    : [];

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
    /** The secret, or null while none was made. */
    currentSecret: (): Promise<Result<PseudonymSecret | null, StorageError>> =>
      attempt(async () => {
        const known = (await db.meta.get(secretKey))?.value;
        return isSecret(known) ? known : null;
      }),
    /** The secret; made and kept on the first call. */
    secret: (): Promise<Result<PseudonymSecret, StorageError>> =>
      attempt(() => db.transaction('rw', db.meta, async () => {
        const known = (await db.meta.get(secretKey))?.value;
        if (isSecret(known)) return known;
        const made: PseudonymSecret = { text: newSecret(), origin: 'this-computer' };
        await db.meta.put({ key: secretKey, value: made });
        return made;
      })),
    /** Replaces the secret by the team's (the caller has checked its length); the one it replaces is kept aside. */
    useTeamSecret: (text: string): Promise<Result<PseudonymSecret, StorageError>> =>
      attempt(() => db.transaction('rw', db.meta, async () => {
        const known = (await db.meta.get(secretKey))?.value;
        const secret: PseudonymSecret = { text, origin: 'team-file' };
        if (isSecret(known) && known.text !== text) {
          const former = (await db.meta.get(formerSecretsKey))?.value;
          await db.meta.put({ key: formerSecretsKey, value: [...(Array.isArray(former) ? former.filter(isSecret) : []), known] });
        }
        await db.meta.put({ key: secretKey, value: secret });
        return secret;
      })),
    /** The secrets replaced so far, oldest first. */
    formerSecrets: (): Promise<Result<readonly PseudonymSecret[], StorageError>> =>
      attempt(async () => {
        const former = (await db.meta.get(formerSecretsKey))?.value;
        return Array.isArray(former) ? former.filter(isSecret) : [];
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
    /** What became of the file of the entry `id`, and where it went when it was saved. */
    settle: (id: string, outcome: ExportOutcome, location?: string): Promise<Result<null, StorageError>> =>
      attempt(() => db.transaction('rw', db.meta, async () => {
        const entries = entriesOf((await db.meta.get(logKey))?.value);
        await db.meta.put({ key: logKey, value: entries.map((e) => (e.id === id ? { ...e, outcome, ...(location === undefined ? {} : { location }) } : e)) });
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
