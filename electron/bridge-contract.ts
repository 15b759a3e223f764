/**
 * The one contract between the renderer and Electron main.
 *
 * Each channel is one user intent, with a zod validator for its request and its response; the
 * types are derived from the validators, so a channel cannot exist without them. Main validates
 * every request; the renderer may validate responses. Every answer is a {@link BridgeResult}:
 * nothing is ever thrown across the boundary.
 */
import { z } from 'zod';
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

const openFileRequestSchema = z.object({ filters: z.array(fileFilterSchema).max(10) }).strict();
const openFileResponseSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), name: z.string(), data: bytesSchema }),
  z.object({ status: z.literal('cancelled') }),
]);

const emptySchema = z.object({}).strict();
const voidSchema = z.null();

/** Channel name → validators. Adding a channel here is the only way to add one. */
export const channels = {
  'app:get-info': { request: emptySchema, response: appInfoSchema },
  'app:set-language': { request: z.object({ language: languageSchema }).strict(), response: voidSchema },
  'files:save': { request: saveFileRequestSchema, response: saveFileResponseSchema },
  'files:open': { request: openFileRequestSchema, response: openFileResponseSchema },
  'shell:open-external': { request: z.object({ url: z.string().max(2048) }).strict(), response: voidSchema },
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
} as const satisfies Record<string, Record<string, Channel>>;

type Methods = typeof bridgeMethods;
/** The object exposed to the renderer as `window.maillage`, grouped by user intent. */
export type MaillageBridge = {
  readonly [G in keyof Methods]: { readonly [M in keyof Methods[G]]: Methods[G][M] extends Channel ? Call<Methods[G][M]> : never };
};

/** The global name under which the preload exposes the bridge. */
export const bridgeGlobalName = 'maillage';
