/** Node's native HMAC-SHA-256 for pseudonyms: an export of 10,000 interviews hashes tens of thousands of names. */
import { createHmac } from 'node:crypto';
import type { HmacSha256 } from '../../core/exports/pseudonyms';

export const nodeHmacSha256: HmacSha256 = Object.assign((key: Uint8Array, message: Uint8Array) => createHmac('sha256', key).update(message).digest(), {
  hexOfText: (key: Uint8Array, text: string) => createHmac('sha256', key).update(text, 'utf8').digest('hex'),
});
