/**
 * Writing a large bundle with Node's zlib on every core: the interviews entry (tens of
 * megabytes) is cut into 4 MiB pieces compressed at once on libuv's thread pool, each ending on a
 * full flush so that the pieces join into one valid DEFLATE stream (as pigz does), while this
 * thread computes the checksums. The pieces are cut at fixed offsets: the bytes stay the same
 * for the same data.
 */
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, deflateRawSync } from 'node:zlib';
import { entryPaths } from '../../core/exchange/bundle/schema';
import { bundleEntries, type BundleOrigin, type BundleParts } from '../../core/exchange/bundle/write-bundle';
import { writeZipPacked, type PackedEntry } from '../../core/exchange/bundle/zip';
import { nodeSha256 } from './node-sha256';

const piece = 4 * 1024 * 1024;
const deflateAsync = promisify(deflateRaw);

async function deflatePieces(data: Uint8Array): Promise<Uint8Array> {
  if (data.length <= piece) return deflateRawSync(data, { level: 1 });
  const jobs: Promise<Uint8Array>[] = [];
  for (let at = 0; at < data.length; at += piece) {
    const last = at + piece >= data.length;
    jobs.push(deflateAsync(data.subarray(at, at + piece), { level: 1, finishFlush: last ? constants.Z_FINISH : constants.Z_FULL_FLUSH }));
  }
  const parts = await Promise.all(jobs);
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export async function writeBundleFast(parts: BundleParts, origin: BundleOrigin): Promise<Uint8Array> {
  const interviews = deflatePieces(parts.interviewsEntry);
  // While the pieces are compressed: the checksums, the CRCs and the small entries.
  const files = bundleEntries(parts, origin, nodeSha256);
  const crcs = new Map([...files].map(([name, data]) => [name, crc32(data)]));
  const packed = new Map<string, PackedEntry>();
  for (const [name, data] of files) {
    if (name !== entryPaths.interviews) packed.set(name, { packed: deflateRawSync(data, { level: 1 }), size: data.length, crc: crcs.get(name) ?? 0 });
  }
  packed.set(entryPaths.interviews, { packed: await interviews, size: parts.interviewsEntry.length, crc: crcs.get(entryPaths.interviews) ?? 0 });
  return writeZipPacked(packed, origin.time);
}
