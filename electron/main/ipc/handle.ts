/**
 * The one way main answers the renderer. Every channel goes through `handle`, which
 *   1. refuses senders that are not a frame of `app://maillage` (a stray frame or a page that
 *      somehow navigated away must not reach the file system),
 *   2. validates the request with the contract's zod schema,
 *   3. runs the handler, and validates its answer against the contract too, so a handler can
 *      never leak a field the contract does not promise,
 *   4. turns anything thrown into `{ ok: false, error: { code: 'internal' } }`.
 * The promise it returns to Electron therefore never rejects: nothing is thrown across the
 * boundary.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { err, ok } from '../../../core/shared/result';
import {
  channels,
  type BridgeResult,
  type Channel,
  type RequestOf,
  type ResponseOf,
} from '../../bridge-contract';
import { isAppUrl } from '../security/origin';

/** A channel's implementation: a validated request in, a result out. */
export type Handler<C extends Channel> = (
  request: RequestOf<C>,
  event: IpcMainInvokeEvent,
) => Promise<BridgeResult<ResponseOf<C>>>;

/** Every channel's handler. Typed as a mapped type, so a channel without one does not compile. */
export type HandlerRegistry = { readonly [C in Channel]: Handler<C> };

/** The part of IpcMainInvokeEvent the sender check reads. */
type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>;

export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

/**
 * `channels` seen through a mapped type. Indexing `channels` itself with a generic channel
 * yields the union of every schema, so TypeScript could not tell that a request parsed for C is a
 * RequestOf<C>; indexing this view can, and the assignment below checks every entry.
 */
type SchemaMap = {
  readonly [C in Channel]: { readonly request: z.ZodType<RequestOf<C>>; readonly response: z.ZodType<ResponseOf<C>> };
};
const schemas: SchemaMap = channels;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function handle<C extends Channel>(
  ipcMain: Pick<IpcMain, 'handle'>,
  channel: C,
  fn: Handler<C>,
): void {
  const { request: requestSchema, response: responseSchema } = schemas[channel];

  ipcMain.handle(channel, async (event, raw: unknown): Promise<BridgeResult<ResponseOf<C>>> => {
    try {
      if (!isTrustedSender(event)) {
        return err({ code: 'forbidden-sender', message: `${channel}: sender is not app://maillage` });
      }
      const request = requestSchema.safeParse(raw);
      if (!request.success) {
        return err({ code: 'invalid-request', message: `${channel}: ${z.prettifyError(request.error)}` });
      }
      const result = await fn(request.data, event);
      if (!result.ok) return result;
      const response = responseSchema.safeParse(result.value);
      if (!response.success) {
        return err({ code: 'internal', message: `${channel}: bad response: ${z.prettifyError(response.error)}` });
      }
      return ok(response.data);
    } catch (error) {
      return err({ code: 'internal', message: `${channel}: ${messageOf(error)}` });
    }
  });
}
