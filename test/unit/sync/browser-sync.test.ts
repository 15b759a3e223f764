/** The browser variant's shared folder, over an in-memory directory handle. */
import { describe, expect, it, vi } from 'vitest';
import { ok, type Result } from '../../../core/shared/result';
import { createBrowserSync } from '../../../renderer/src/platform/browser-sync';
import type { BrowserBridgeDeps, VaultError } from '../../../renderer/src/platform/browser-deps';
import { FakeDirectory } from '../../helpers/fake-directory';

const own = 'd-aaaaaaaaaaaa';
const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);

function memoryStore(initial: unknown = null) {
  let stored = initial;
  const store: BrowserBridgeDeps['syncFolder'] = {
    load: (): Promise<Result<unknown, VaultError>> => Promise.resolve(ok(stored)),
    save: (handle) => {
      stored = handle;
      return Promise.resolve(ok(null));
    },
  };
  return { store, stored: () => stored };
}

function setUp(options: { remembered?: FakeDirectory; pickerAnswer?: FakeDirectory | DOMException } = {}) {
  const folder = options.remembered ?? new FakeDirectory('Partage');
  const { store, stored } = memoryStore(options.remembered ?? null);
  const answer = options.pickerAnswer ?? folder;
  const picker = vi.fn(() => (answer instanceof DOMException ? Promise.reject(answer) : Promise.resolve(answer)));
  return { folder, stored, picker, sync: createBrowserSync(store, picker) };
}

describe('the browser’s shared folder', () => {
  it('is unavailable, for every call, where the browser has no directory picker', async () => {
    const sync = createBrowserSync(memoryStore().store, null);
    for (const answer of [
      await sync.getState(),
      await sync.chooseFolder({}),
      await sync.writeOwn({ deviceId: own, bytes: bytes('x') }),
      await sync.listOthers({ deviceId: own }),
    ]) expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('remembers the folder picked, by its handle', async () => {
    const { sync, picker, folder, stored } = setUp();
    expect(await sync.getState()).toEqual({ ok: true, value: { folder: null, changed: false, needsPermission: false } });
    expect(await sync.chooseFolder({})).toEqual({ ok: true, value: { status: 'chosen', folder: 'Partage' } });
    expect(picker).toHaveBeenCalledWith({ id: 'maillage-sync', mode: 'readwrite' });
    expect(stored()).toBe(folder);
    expect(await sync.getState()).toEqual({ ok: true, value: { folder: 'Partage', changed: false, needsPermission: false } });
  });

  it('answers cancelled when the picker is dismissed', async () => {
    const { sync } = setUp({ pickerAnswer: new DOMException('closed', 'AbortError') });
    expect(await sync.chooseFolder({})).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  it('after a restart, says access must be granted again, and asks on a click', async () => {
    const remembered = new FakeDirectory('Partage');
    remembered.permission = 'prompt';
    const { sync, picker } = setUp({ remembered });
    expect(await sync.getState()).toEqual({ ok: true, value: { folder: 'Partage', changed: false, needsPermission: true } });
    expect(await sync.writeOwn({ deviceId: own, bytes: bytes('x') })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
    expect(await sync.chooseFolder({ regrant: true })).toEqual({ ok: true, value: { status: 'chosen', folder: 'Partage' } });
    expect(picker).not.toHaveBeenCalled();
    expect(await sync.getState()).toMatchObject({ ok: true, value: { needsPermission: false } });
  });

  it('reports a refused re-grant', async () => {
    const remembered = new FakeDirectory('Partage');
    remembered.permission = 'prompt';
    remembered.permissionOnRequest = 'denied';
    const { sync } = setUp({ remembered });
    expect(await sync.chooseFolder({ regrant: true })).toMatchObject({ ok: false, error: { code: 'permission-denied' } });
  });

  it('writes <deviceId>.maillage, replacing it whole', async () => {
    const { sync, folder } = setUp();
    await sync.chooseFolder({});
    await sync.writeOwn({ deviceId: own, bytes: bytes('first') });
    expect(await sync.writeOwn({ deviceId: own, bytes: bytes('second') })).toMatchObject({ ok: true, value: { fileName: `${own}.maillage` } });
    expect(folder.text(`${own}.maillage`)).toBe('second');
    expect([...folder.files.keys()]).toEqual([`${own}.maillage`]);
  });

  it.each([['QuotaExceededError', 'disk-full'], ['NotAllowedError', 'permission-denied'], ['NotFoundError', 'unavailable'], ['InvalidStateError', 'io']])(
    'reports %s while writing as %s and keeps the last bundle',
    async (name, code) => {
      const { sync, folder } = setUp();
      await sync.chooseFolder({});
      await sync.writeOwn({ deviceId: own, bytes: bytes('kept') });
      folder.failNextWrite = name;
      expect(await sync.writeOwn({ deviceId: own, bytes: bytes('lost') })).toMatchObject({ ok: false, error: { code } });
      expect(folder.text(`${own}.maillage`)).toBe('kept');
    },
  );

  it('lists the other devices’ bundles, not ours, nor anything that is not a bundle', async () => {
    const { sync, folder } = setUp();
    await sync.chooseFolder({});
    folder.put(`${own}.maillage`, 'mine');
    folder.put('d-bbbbbbbbbbbb.maillage', 'camille', 2_000);
    folder.put('.d-cccccccccccc.maillage.crswap', 'half');
    folder.put('notes.txt', 'x');
    folder.folders.add('d-dddddddddddd.maillage');
    const listed = await sync.listOthers({ deviceId: own });
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.bundles.map((b) => [b.fileName, b.deviceId, b.modifiedMs, text(b.bytes)])).toEqual([['d-bbbbbbbbbbbb.maillage', 'd-bbbbbbbbbbbb', 2_000, 'camille']]);
    expect(listed.value.skipped).toEqual([]);
  });

  it('lists only what is new or changed since it was merged, whatever its time', async () => {
    const { sync, folder } = setUp();
    await sync.chooseFolder({});
    folder.put('d-bbbbbbbbbbbb.maillage', 'merged', 3_000);
    folder.put('d-cccccccccccc.maillage', 'new, with an old time', 1_000);
    const listed = await sync.listOthers({ deviceId: own, known: { 'd-bbbbbbbbbbbb.maillage': 3_000 } });
    expect(listed.ok && listed.value.bundles.map((b) => b.deviceId)).toEqual(['d-cccccccccccc']);
  });

  it('forgets the folder', async () => {
    const { sync, stored } = setUp();
    await sync.chooseFolder({});
    expect(await sync.forgetFolder()).toEqual({ ok: true, value: null });
    expect(stored()).toBeNull();
    expect(await sync.getState()).toMatchObject({ ok: true, value: { folder: null } });
  });

  it('ignores a stored value that is not a directory handle', async () => {
    const sync = createBrowserSync(memoryStore({ kind: 'directory', name: 'forged' }).store, () => Promise.reject(new Error('no')));
    expect(await sync.getState()).toMatchObject({ ok: true, value: { folder: null } });
  });
});
