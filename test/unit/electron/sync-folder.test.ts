/** The shared folder on a real temporary folder: what is written, what is listed, what is refused. */
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFs, type AtomicWriteFs } from '../../../electron/main/services/atomic-write';
import { checkSyncFolder, deviceOfBundle, listOtherBundles, writeOwnBundle } from '../../../electron/main/services/sync-folder';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const own = 'd-aaaaaaaaaaaa';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'maillage-sync-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function put(name: string, content: string, modifiedMs?: number): Promise<void> {
  await writeFile(path.join(dir, name), content);
  if (modifiedMs !== undefined) await utimes(path.join(dir, name), modifiedMs / 1000, modifiedMs / 1000);
}

describe('writing this computer’s bundle', () => {
  it('writes <deviceId>.maillage atomically, replacing the last one, with no temporary file left', async () => {
    await writeOwnBundle(dir, own, bytes('v1'));
    const result = await writeOwnBundle(dir, own, bytes('v2'));
    expect(result).toMatchObject({ ok: true, value: { fileName: `${own}.maillage` } });
    expect(await readFile(path.join(dir, `${own}.maillage`), 'utf8')).toBe('v2');
    expect(await readdir(dir)).toEqual([`${own}.maillage`]);
  });

  it('reports a missing folder (an unplugged drive) as unavailable', async () => {
    expect(await writeOwnBundle(path.join(dir, 'gone'), own, bytes('x'))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await put('a-file', 'x');
    expect(await checkSyncFolder(path.join(dir, 'a-file'))).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it.each([['EACCES', 'permission-denied'], ['EROFS', 'permission-denied'], ['EIO', 'io'], ['ENOSPC', 'disk-full']])(
    'reports %s while writing as %s, keeping the previous bundle',
    async (errno, code) => {
      await writeOwnBundle(dir, own, bytes('old'));
      const refusing: AtomicWriteFs = { ...nodeFs, open: () => Promise.reject(Object.assign(new Error(errno), { code: errno })) };
      expect(await writeOwnBundle(dir, own, bytes('new'), refusing)).toMatchObject({ ok: false, error: { code } });
      expect(await readFile(path.join(dir, `${own}.maillage`), 'utf8')).toBe('old');
    },
  );
});

describe('listing the others’ bundles', () => {
  it('returns every other device’s bundle with its id, time and bytes, and leaves out our own', async () => {
    await put(`${own}.maillage`, 'mine', 1_000_000);
    await put('d-bbbbbbbbbbbb.maillage', 'camille', 2_000_000);
    await put('d-cccccccccccc.maillage', 'maite', 3_000_000);
    const result = await listOtherBundles(dir, own);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.bundles.map((b) => [b.fileName, b.deviceId, b.modifiedMs, text(b.bytes)])).toEqual([
      ['d-bbbbbbbbbbbb.maillage', 'd-bbbbbbbbbbbb', 2_000_000, 'camille'],
      ['d-cccccccccccc.maillage', 'd-cccccccccccc', 3_000_000, 'maite'],
    ]);
    expect(result.value.skipped).toEqual([]);
  });

  it('ignores temporary files, other files, folders and links', async () => {
    await put('.d-bbbbbbbbbbbb.maillage.0f3c.tmp', 'half-written');
    await put('d-bbbbbbbbbbbb.maillage.tmp', 'x');
    await put('~$d-bbbbbbbbbbbb.maillage', 'x');
    await put('.syncthing.d-bbbbbbbbbbbb.maillage.tmp', 'x');
    await put('notes.txt', 'x');
    await put('Camille.maillage', 'upper case is not a device id');
    await mkdir(path.join(dir, 'd-dddddddddddd.maillage'));
    await put('real.txt', 'x');
    const { symlink } = await import('node:fs/promises');
    await symlink(path.join(dir, 'real.txt'), path.join(dir, 'd-eeeeeeeeeeee.maillage'));
    const result = await listOtherBundles(dir, own);
    expect(result).toEqual({ ok: true, value: { bundles: [], skipped: [] } });
  });

  it('reads only bundles that are new or whose time changed since they were merged, whatever that time is', async () => {
    await put('d-bbbbbbbbbbbb.maillage', 'merged', 3_000_000);
    await put('d-cccccccccccc.maillage', 'changed', 2_000_000);
    // Arrived late, with the (older) time its writer gave it, as sync tools keep it.
    await put('d-dddddddddddd.maillage', 'new, with an old time', 1_000_000);
    const known = { 'd-bbbbbbbbbbbb.maillage': 3_000_000, 'd-cccccccccccc.maillage': 1_500_000 };
    const result = await listOtherBundles(dir, own, known);
    expect(result.ok && result.value.bundles.map((b) => b.deviceId)).toEqual(['d-cccccccccccc', 'd-dddddddddddd']);
    const none = await listOtherBundles(dir, own, { ...known, 'd-cccccccccccc.maillage': 2_000_000, 'd-dddddddddddd.maillage': 1_000_000 });
    expect(none.ok && none.value.bundles).toEqual([]);
  });

  it('skips a bundle over the size cap, naming it', async () => {
    await put('d-bbbbbbbbbbbb.maillage', '0123456789');
    await put('d-cccccccccccc.maillage', '01234');
    const result = await listOtherBundles(dir, own, undefined, 5);
    expect(result.ok && result.value.bundles.map((b) => b.deviceId)).toEqual(['d-cccccccccccc']);
    expect(result.ok && result.value.skipped).toEqual([{ fileName: 'd-bbbbbbbbbbbb.maillage', reason: 'too-large' }]);
  });

  it('reports a folder that is gone as unavailable', async () => {
    expect(await listOtherBundles(path.join(dir, 'gone'), own)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('reads the device id from the file name only for sync bundles', () => {
    expect(deviceOfBundle('d-0123456789ab.maillage')).toBe('d-0123456789ab');
    expect(deviceOfBundle('maillage-camille-2026-11-28.maillage')).toBe('maillage-camille-2026-11-28');
    expect(deviceOfBundle('.d-0123456789ab.maillage.x.tmp')).toBeNull();
    expect(deviceOfBundle('D-01.maillage')).toBeNull();
  });
});
