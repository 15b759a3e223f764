/**
 * The one contract between the renderer and Electron main.
 *
 * Each channel is one user intent, with a zod validator for its request and its response; the
 * types are derived from the validators, so a channel cannot exist without them. Main validates
 * every request; the renderer may validate responses. Every answer is a {@link BridgeResult}:
 * nothing is ever thrown across the boundary.
 */
import { z } from 'zod';
import { backupFilePattern } from '../core/exchange/backup-rotation';
import { languages } from '../core/shared/language';
import type { Result } from '../core/shared/result';

export const languageSchema = z.enum(languages);
export type { Language } from '../core/shared/language';

const appInfoSchema = z.object({
  version: z.string(),
  /** Where the researcher's data lives: a folder on disk (Electron) or a browser profile. */
  dataLocation: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('folder'), path: z.string() }),
    z.object({ kind: z.literal('browser'), origin: z.string() }),
  ]),
  platform: z.string(),
  shell: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Bytes as any Uint8Array (Node's Buffer included), whatever its backing buffer. */
const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes');

const fileFilterSchema = z.object({
  name: z.string().max(200),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/i)).max(20),
});

const saveFileRequestSchema = z
  .object({
    suggestedName: z
      .string()
      .min(1)
      .max(255)
      .refine((name) => !/[/\\\0]/.test(name), 'a file name, not a path'),
    data: bytesSchema,
    filters: z.array(fileFilterSchema).max(10),
  })
  .strict();
const saveFileResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('saved'), location: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

const openFileRequestSchema = z
  .object({
    filters: z.array(fileFilterSchema).max(10),
    /** List hidden files too (a team's `.maillage-secret`). */
    showHidden: z.boolean().optional(),
  })
  .strict();
const openFileResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), name: z.string(), data: bytesSchema }),
  z.object({ status: z.literal('cancelled') }),
]);

const emptySchema = z.object({}).strict();
const voidSchema = z.null();

/** A device id as the data layer makes them (`d-` and hex), which names its bundle in the folder. */
const deviceIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/);

/*
 * Shared-folder sync. Each computer writes its whole dataset as `<deviceId>.maillage` in a folder
 * the team shares (a network drive, Dropbox, Syncthing…) and reads the others' files. Main
 * watches the folder and raises `changed`, which the renderer reads cheaply every few seconds;
 * the renderer also lists the folder every 30 s and on focus, since a watcher can miss events
 * (network shares, sleeping laptops) — the watcher makes sync quick, the periodic check makes it
 * sure.
 */
const chooseSyncFolderRequestSchema = z
  .object({
    /** Browser variant: ask again for access to the folder already chosen (needs a click). */
    regrant: z.boolean().optional(),
  })
  .strict();
const chooseSyncFolderResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('chosen'), folder: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);
const syncStateSchema = z.object({
  /** The folder's path (Electron) or name (browser), or null when none is chosen. */
  folder: z.string().nullable(),
  /** Something in the folder changed since the last `listOthers`. */
  changed: z.boolean(),
  /** Browser variant: the folder is remembered but access must be granted again. */
  needsPermission: z.boolean(),
});
const writeOwnBundleRequestSchema = z.object({ deviceId: deviceIdSchema, bytes: bytesSchema }).strict();
const writeOwnBundleResponseSchema = z.object({ fileName: z.string(), writtenAt: z.number() });
const listOtherBundlesRequestSchema = z
  .object({
    /** Leaves this device's own file out. */
    deviceId: deviceIdSchema,
    /**
     * Files already merged, with the modification time they had then: those are not read again
     * (a file is read when it is new or its time changed, whatever that time is — sync tools
     * often keep the writer's file time).
     */
    known: z.record(z.string().max(255), z.number()).refine((known) => Object.keys(known).length <= 1000, 'at most 1,000 files').optional(),
  })
  .strict();
const otherBundleSchema = z.object({
  fileName: z.string(),
  deviceId: z.string(),
  modifiedMs: z.number(),
  bytes: bytesSchema,
});
const skippedBundleSchema = z.object({ fileName: z.string(), reason: z.enum(['too-large', 'unreadable']) });
const listOtherBundlesResponseSchema = z.object({
  bundles: z.array(otherBundleSchema),
  /** Files that look like bundles but were not read: too large (over 200 MB) or unreadable. */
  skipped: z.array(skippedBundleSchema),
});

/*
 * Automatic backups: the whole dataset as a bundle, written after activity (at most every ten
 * minutes) and on exit, rotated by core/exchange/backup-rotation.ts.
 */
const backupFileSchema = z.string().regex(backupFilePattern);
const backupInfoSchema = z.object({
  file: z.string(),
  /** ISO 8601, from the file name. */
  createdAt: z.string(),
  /** Size in bytes. */
  size: z.number(),
  interviews: z.number(),
});
const writeBackupRequestSchema = z
  .object({
    bytes: bytesSchema,
    reason: z.enum(['activity', 'exit']),
    /** How many interviews the bundle holds: written into the file name, shown in the list. */
    interviews: z.number().int().nonnegative(),
  })
  .strict();

/** Channel name → validators. Adding a channel here is the only way to add one. */
export const channels = {
  'app:get-info': { request: emptySchema, response: appInfoSchema },
  'app:set-language': { request: z.object({ language: languageSchema }).strict(), response: voidSchema },
  'files:save': { request: saveFileRequestSchema, response: saveFileResponseSchema },
  'files:open': { request: openFileRequestSchema, response: openFileResponseSchema },
  'shell:open-external': { request: z.object({ url: z.string().max(2048) }).strict(), response: voidSchema },
  'sync:choose-folder': { request: chooseSyncFolderRequestSchema, response: chooseSyncFolderResponseSchema },
  'sync:get-state': { request: emptySchema, response: syncStateSchema },
  'sync:write-own': { request: writeOwnBundleRequestSchema, response: writeOwnBundleResponseSchema },
  'sync:list-others': { request: listOtherBundlesRequestSchema, response: listOtherBundlesResponseSchema },
  'sync:forget-folder': { request: emptySchema, response: voidSchema },
  'backups:write': { request: writeBackupRequestSchema, response: backupInfoSchema },
  'backups:list': { request: emptySchema, response: z.array(backupInfoSchema) },
  'backups:read': { request: z.object({ file: backupFileSchema }).strict(), response: bytesSchema },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;

export type Channel = keyof typeof channels;
export type RequestOf<C extends Channel> = z.infer<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = z.infer<(typeof channels)[C]['response']>;

export type BridgeErrorCode =
  | 'invalid-request'
  | 'forbidden-sender'
  | 'not-allowed'
  | 'disk-full'
  | 'permission-denied'
  | 'io'
  | 'unavailable'
  | 'internal';
export interface BridgeError {
  readonly code: BridgeErrorCode;
  /** Technical detail for logs and bug reports; the UI shows a translated text for the code. */
  readonly message: string;
}
export type BridgeResult<T> = Result<T, BridgeError>;

export type SaveFileRequest = RequestOf<'files:save'>;
export type SaveFileResponse = ResponseOf<'files:save'>;
export type OpenFileRequest = RequestOf<'files:open'>;
export type OpenFileResponse = ResponseOf<'files:open'>;
export type SyncState = ResponseOf<'sync:get-state'>;
export type ChooseSyncFolderRequest = RequestOf<'sync:choose-folder'>;
export type ChooseSyncFolderResponse = ResponseOf<'sync:choose-folder'>;
export type WriteOwnBundleRequest = RequestOf<'sync:write-own'>;
export type WriteOwnBundleResponse = ResponseOf<'sync:write-own'>;
export type ListOtherBundlesRequest = RequestOf<'sync:list-others'>;
export type ListOtherBundlesResponse = ResponseOf<'sync:list-others'>;
export type OtherBundle = z.infer<typeof otherBundleSchema>;
export type SkippedBundle = z.infer<typeof skippedBundleSchema>;
export type WriteBackupRequest = RequestOf<'backups:write'>;
export type BackupInfo = ResponseOf<'backups:write'>;

type Call<C extends Channel> = RequestOf<C> extends Record<string, never>
  ? () => Promise<BridgeResult<ResponseOf<C>>>
  : (request: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>>;

/**
 * Which bridge method speaks on which channel. The preload builds `window.maillage` from this
 * map, and a test checks that it names every channel exactly once.
 */
export const bridgeMethods = {
  app: { getInfo: 'app:get-info', setLanguage: 'app:set-language' },
  files: { saveFile: 'files:save', openFile: 'files:open' },
  shell: { openExternal: 'shell:open-external' },
  sync: {
    chooseFolder: 'sync:choose-folder',
    getState: 'sync:get-state',
    writeOwn: 'sync:write-own',
    listOthers: 'sync:list-others',
    forgetFolder: 'sync:forget-folder',
  },
  backups: { write: 'backups:write', list: 'backups:list', read: 'backups:read' },
} as const satisfies Record<string, Record<string, Channel>>;

type Methods = typeof bridgeMethods;
/** The object exposed to the renderer as `window.maillage`, grouped by user intent. */
export type MaillageBridge = {
  readonly [G in keyof Methods]: { readonly [M in keyof Methods[G]]: Methods[G][M] extends Channel ? Call<Methods[G][M]> : never };
};

/** The global name under which the preload exposes the bridge. */
export const bridgeGlobalName = 'maillage';
