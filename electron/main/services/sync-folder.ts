/**
 * The shared folder on disk: each computer's bundle is `<deviceId>.maillage`, written atomically
 * (a colleague's computer never reads half a file), and the others' bundles are read back with
 * the same size cap as a file the researcher opens. Anything else in the folder — temporary files
 * of our atomic writes or of sync tools (dotfiles, `~$…`, `.tmp`), sub-folders, links — is ignored.
 */
import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../../core/shared/result';
import type { BridgeError, OtherBundle, SkippedBundle } from '../../bridge-contract';
import { writeFileAtomic, type AtomicWriteFs, nodeFs } from './atomic-write';
import { fileErrorFrom } from './file-errors';
import { MAX_OPEN_BYTES, readFileCapped } from './read-file-capped';

const bundleNamePattern = /^([a-z0-9-]{1,40})\.maillage$/;

export const ownBundleName = (deviceId: string): string => `${deviceId}.maillage`;

/** The device a bundle file belongs to, or null if the name is not a sync bundle's. */
export function deviceOfBundle(fileName: string): string | null {
  return bundleNamePattern.exec(fileName)?.[1] ?? null;
}

function errnoOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

/** A folder that is not there (an unplugged drive, an unmounted share) is "unavailable". */
export function folderErrorFrom(error: unknown): BridgeError {
  const errno = errnoOf(error);
  if (errno === 'ENOENT' || errno === 'ENOTDIR') {
    return { code: 'unavailable', message: error instanceof Error ? error.message : String(error) };
  }
  return fileErrorFrom(error);
}

/** The folder exists, is a folder, and we may write in it. */
export async function checkSyncFolder(folder: string): Promise<Result<void, BridgeError>> {
  try {
    const info = await stat(folder);
    if (!info.isDirectory()) return err({ code: 'unavailable', message: `${folder} is not a folder` });
    await access(folder, constants.W_OK);
    return ok(undefined);
  } catch (error) {
    return err(folderErrorFrom(error));
  }
}

export async function writeOwnBundle(
  folder: string,
  deviceId: string,
  bytes: Uint8Array,
  fs: AtomicWriteFs = nodeFs,
): Promise<Result<{ fileName: string; writtenAt: number }, BridgeError>> {
  const checked = await checkSyncFolder(folder);
  if (!checked.ok) return checked;
  const fileName = ownBundleName(deviceId);
  const written = await writeFileAtomic(path.join(folder, fileName), bytes, fs);
  return written.ok ? ok({ fileName, writtenAt: Date.now() }) : written;
}

export interface Listing {
  readonly bundles: OtherBundle[];
  readonly skipped: SkippedBundle[];
}

export async function listOtherBundles(
  folder: string,
  ownDeviceId: string,
  known?: Readonly<Record<string, number>>,
  maxBytes: number = MAX_OPEN_BYTES,
): Promise<Result<Listing, BridgeError>> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    return err(folderErrorFrom(error));
  }
  const listing: Listing = { bundles: [], skipped: [] };
  for (const entry of entries) {
    const deviceId = deviceOfBundle(entry.name);
    // isFile() is false for links: a link could lead out of the shared folder.
    if (!entry.isFile() || deviceId === null || deviceId === ownDeviceId) continue;
    const file = path.join(folder, entry.name);
    let modifiedMs: number;
    let size: number;
    try {
      ({ mtimeMs: modifiedMs, size } = await stat(file));
    } catch {
      continue; // gone between the listing and now: a sync tool replacing it
    }
    if (known !== undefined && Object.hasOwn(known, entry.name) && known[entry.name] === modifiedMs) continue;
    if (size > maxBytes) {
      listing.skipped.push({ fileName: entry.name, reason: 'too-large' });
      continue;
    }
    const read = await readFileCapped(file, maxBytes);
    if (read.ok) listing.bundles.push({ fileName: entry.name, deviceId, modifiedMs, bytes: read.value });
    else listing.skipped.push({ fileName: entry.name, reason: read.error.code === 'not-allowed' ? 'too-large' : 'unreadable' });
  }
  listing.bundles.sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
  return ok(listing);
}
