/**
 * What a browser (and Electron's renderer) does natively for reading bundles: SHA-256 through
 * WebCrypto and raw DEFLATE through DecompressionStream — several times the speed of their
 * JavaScript versions on the tens of megabytes of a large bundle.
 */
import type { AsyncReadOptions } from '../../../../core/exchange/bundle/read-bundle';

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

async function sha256(data: Uint8Array): Promise<string> {
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>)));
}

/** Inflates, stopping as soon as the output would pass `maxBytes`; rejects on corrupt data. */
async function inflate(data: Uint8Array, maxBytes: number): Promise<Uint8Array | 'too-large'> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The native primitives where the page has them (a secure context with DecompressionStream); null otherwise. */
export function webCodecs(): AsyncReadOptions | null {
  const hasDigest = typeof globalThis.crypto === 'object' && typeof globalThis.crypto.subtle === 'object';
  return hasDigest && typeof DecompressionStream === 'function' ? { sha256, inflate } : null;
}
