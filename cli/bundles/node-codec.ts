/**
 * Node's native zlib for reading and writing bundles: raw DEFLATE at level 1 and the zip CRC-32,
 * a few times fflate's speed on the tens of megabytes of a 10,000-interview bundle.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { DeflateCodec, InflateRaw } from '../../core/exchange/bundle/zip';

export const nodeDeflate: DeflateCodec = {
  deflateRaw: (data) => deflateRawSync(data, { level: 1 }),
  crc32: (data) => crc32(data),
};

/**
 * Output buffers of the declared size, within bounds: one buffer for a bundle's large entry,
 * where zlib's 16 KiB ones cost a third more. The declared size is untrusted: the buffer is never
 * larger than the stored data could plausibly expand to (a bundle's JSON shrinks about six
 * times), and an output much smaller than its buffer is copied, so that a lying archive cannot
 * make a few bytes hold a large buffer.
 */
const smallestChunk = 64 * 1024;
const largestChunk = 256 * 1024 * 1024;
const plausibleRatio = 64;

const chunkFor = (wanted: number, stored: number, maxBytes: number): number =>
  Math.min(Math.max(wanted, smallestChunk), largestChunk, Math.max(smallestChunk, maxBytes), stored * plausibleRatio + smallestChunk);

const trimmed = (out: Uint8Array, chunkSize: number): Uint8Array => (out.length < chunkSize / 2 && out.buffer.byteLength > 2 * smallestChunk ? out.slice() : out);

export const nodeInflate: InflateRaw = (data, maxBytes, declaredSize = 0) => {
  const chunkSize = chunkFor(declaredSize + 1, data.length, maxBytes);
  try {
    return trimmed(inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes), chunkSize }), chunkSize);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    throw error;
  }
};
