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

/** Output buffers of the declared size, within these bounds: one buffer for a bundle's large entry, where zlib's 16 KiB ones cost a third more. */
const smallestChunk = 64 * 1024;
const largestChunk = 256 * 1024 * 1024;

export const nodeInflate: InflateRaw = (data, maxBytes, declaredSize = 0) => {
  const chunkSize = Math.min(Math.max(declaredSize + 1, smallestChunk), largestChunk, Math.max(smallestChunk, maxBytes));
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes), chunkSize });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    throw error;
  }
};
