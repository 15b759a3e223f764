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

export const nodeInflate: InflateRaw = (data, maxBytes) => {
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, maxBytes) });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
    throw error;
  }
};
