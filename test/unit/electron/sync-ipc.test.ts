/**
 * The "sync" IPC domain with electron mocked and a real temporary userData: choosing, remembering
 * and forgetting the folder, the watcher's `changed` flag, and a damaged settings file.
 */
import { EventEmitter } from 'node:events';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncHandlers, type SyncDeps } from '../../../electron/main/ipc/sync';
import type { WatchFn } from '../../../electron/main/services/folder-watcher';
import { readSyncSettings } from '../../../electron/main/services/sync-settings';
import { fakeInvokeEvent } from './fakes';

vi.mock('electron', async () => (await import('./fakes')).electronFake);

const event = fakeInvokeEvent('app://maillage/index.html');
const own = 'd-aaaaaaaaaaaa';
let root = '';
let userData = '';
let shared = '';

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'maillage-sync-ipc-'));
  userData = path.join(root, 'userData');
  shared = path.join(root, 'Partage équipe');
  await mkdir(userData);
  await mkdir(shared);
});
afterEach(async () => {
  vi.useRealTimers();
  await rm(root, { recursive: true, force: true });
});

/** A watcher the test fires by hand. */
function manualWatch() {
  const watchers: { folder: string; emit: (name: string | null) => void; emitter: EventEmitter; closed: boolean }[] = [];
  const watch: WatchFn = (folder, listener) => {
    const emitter = new EventEmitter();
    const entry = { folder, emit: (name: string | null) => { listener('rename', name); }, emitter, closed: false };
    watchers.push(entry);
    return { close: () => { entry.closed = true; }, on: (name, fn) => emitter.on(name, fn) };
  };
  return { watch, watchers };
}

function handlers(extra: Partial<SyncDeps> = {}) {
  const log = vi.fn();
  const sync = createSyncHandlers({
    userData: () => userData,
    showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [shared] }),
    log,
    ...extra,
  });
  return { sync, log };
}

describe('sync:choose-folder', () => {
  it('remembers the chosen folder in userData and reports it in the state', async () => {
    const { sync } = handlers();
    expect(await sync['sync:choose-folder']({}, event)).toEqual({ ok: true, value: { status: 'chosen', folder: shared } });
    expect(await sync['sync:get-state']({}, event)).toEqual({ ok: true, value: { folder: shared, changed: true, needsPermission: false } });
    expect(await readSyncSettings(path.join(userData, 'sync-settings.json'))).toEqual({ folder: shared });
    // A fresh start of main reads it back.
    const later = handlers().sync;
    expect(await later['sync:get-state']({}, event)).toMatchObject({ ok: true, value: { folder: shared } });
    sync.stop();
    later.stop();
  });

  it('answers cancelled when the dialog is closed, and keeps no folder', async () => {
    const { sync } = handlers({ showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) });
    expect(await sync['sync:choose-folder']({}, event)).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(await sync['sync:get-state']({}, event)).toEqual({ ok: true, value: { folder: null, changed: false, needsPermission: false } });
  });

  it('refuses a folder that is not there', async () => {
    const { sync } = handlers({ showOpenDialog: () => Promise.resolve({ canceled: false, filePaths: [path.join(root, 'gone')] }) });
    expect(await sync['sync:choose-folder']({}, event)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('settings file', () => {
  it.each([['not JSON', '{ folder: '], ['another shape', '{"version":9,"folder":42}']])('treats %s as no folder, with a log line', async (_what, content) => {
    await writeFile(path.join(userData, 'sync-settings.json'), content);
    const { sync, log } = handlers();
    expect(await sync['sync:get-state']({}, event)).toMatchObject({ ok: true, value: { folder: null } });
    expect(log).toHaveBeenCalledOnce();
  });

  it('treats a missing file as no folder, silently', async () => {
    const { sync, log } = handlers();
    expect(await sync['sync:get-state']({}, event)).toMatchObject({ ok: true, value: { folder: null } });
    expect(log).not.toHaveBeenCalled();
  });
});

describe('sync:write-own and sync:list-others', () => {
  it('need a folder first', async () => {
    const { sync } = handlers();
    expect(await sync['sync:write-own']({ deviceId: own, bytes: new Uint8Array([1]) }, event)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await sync['sync:list-others']({ deviceId: own }, event)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('write our bundle and list the others’ in the chosen folder', async () => {
    const { sync } = handlers();
    await sync['sync:choose-folder']({}, event);
    await writeFile(path.join(shared, 'd-bbbbbbbbbbbb.maillage'), 'camille');
    expect(await sync['sync:write-own']({ deviceId: own, bytes: new TextEncoder().encode('mine') }, event)).toMatchObject({ ok: true, value: { fileName: `${own}.maillage` } });
    expect(await readFile(path.join(shared, `${own}.maillage`), 'utf8')).toBe('mine');
    const listed = await sync['sync:list-others']({ deviceId: own }, event);
    expect(listed.ok && listed.value.bundles.map((b) => b.deviceId)).toEqual(['d-bbbbbbbbbbbb']);
    sync.stop();
  });

  it('report a folder removed since it was chosen as unavailable', async () => {
    const { sync } = handlers();
    await sync['sync:choose-folder']({}, event);
    await rm(shared, { recursive: true });
    expect(await sync['sync:write-own']({ deviceId: own, bytes: new Uint8Array([1]) }, event)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await sync['sync:list-others']({ deviceId: own }, event)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    sync.stop();
  });
});

describe('watching the folder', () => {
  it('raises `changed` (debounced) for a colleague’s bundle, not for our own file or temporary files, and lowers it on listing', async () => {
    vi.useFakeTimers();
    const { watch, watchers } = manualWatch();
    const { sync } = handlers({ watch });
    await sync['sync:choose-folder']({}, event);
    await sync['sync:list-others']({ deviceId: own }, event);
    const [watcher] = watchers;
    expect(watcher?.folder).toBe(shared);
    const changed = async () => {
      const state = await sync['sync:get-state']({}, event);
      return state.ok && state.value.changed;
    };
    expect(await changed()).toBe(false);
    watcher?.emit(`${own}.maillage`);
    watcher?.emit(`.${own}.maillage.1234.tmp`);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await changed()).toBe(false);
    watcher?.emit('d-bbbbbbbbbbbb.maillage');
    expect(await changed()).toBe(false); // not yet: debounced
    await vi.advanceTimersByTimeAsync(600);
    expect(await changed()).toBe(true);
    await sync['sync:list-others']({ deviceId: own }, event);
    expect(await changed()).toBe(false);
    // A watcher that fails (share unmounted) reports one last change.
    watcher?.emitter.emit('error', new Error('EPERM'));
    await vi.advanceTimersByTimeAsync(600);
    expect(await changed()).toBe(true);
    sync.stop();
  });

  it('stops watching when the folder is forgotten', async () => {
    const { watch, watchers } = manualWatch();
    const { sync } = handlers({ watch });
    await sync['sync:choose-folder']({}, event);
    expect(await sync['sync:forget-folder']({}, event)).toEqual({ ok: true, value: null });
    expect(watchers[0]?.closed).toBe(true);
    expect(await sync['sync:get-state']({}, event)).toMatchObject({ ok: true, value: { folder: null, changed: false } });
    expect(await readSyncSettings(path.join(userData, 'sync-settings.json'))).toEqual({ folder: null });
  });
});
