/**
 * Node's search for a byte (memchr): several times faster than Uint8Array's indexOf, and far
 * faster on shared memory, where the engine reads byte by byte. The CLI finds the 10,000 line
 * breaks of a 75 MB interview entry with it.
 */
import type { ByteSearch } from '../../core/exchange/bundle/interview-entry';

export const nodeByteSearch: ByteSearch = (bytes) => {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  return (byte, from) => buffer.indexOf(byte, from);
};
