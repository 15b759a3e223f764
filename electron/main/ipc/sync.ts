/**
 * IPC domain "sync": the shared folder. The researcher chooses it in a native dialog (which is
 * what authorises main to read and write there); main remembers it in userData, watches it, and
 * reads and writes bundles in it on the renderer's behalf. The renderer never names a path.
 *
 * State lives in this closure: the folder (loaded from the settings file on first use), the
 * watcher, and the `changed` flag the watcher raises and `listOthers` lowers.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, type IpcMainInvokeEvent, type OpenDialogOptions, type OpenDialogReturnValue } from 'electron';
import { err, ok } from '../../../core/shared/result';
import type { Channel } from '../../bridge-contract';
import { watchFolder, type FolderWatcher, type WatchFn } from '../services/folder-watcher';
import { checkSyncFolder, deviceOfBundle, listOtherBundles, ownBundleName, writeOwnBundle } from '../services/sync-folder';
import { readSyncSettings, syncSettingsFileName, writeSyncSettings, type Log } from '../services/sync-settings';
import type { Handler } from './handle';

type SyncChannel = Extract<Channel, `sync:${string}`>;
export type SyncHandlers = { readonly [C in SyncChannel]: Handler<C> } & {
  /** Stops watching (at quit). */
  readonly stop: () => void;
};

export interface SyncDeps {
  /** Where the settings file lives; read when first needed, so that tests can redirect it. */
  readonly userData?: () => string;
  readonly showOpenDialog?: (event: IpcMainInvokeEvent, options: OpenDialogOptions) => Promise<OpenDialogReturnValue>;
  readonly watch?: WatchFn;
  readonly log?: Log;
}

function nativeOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions) {
  const window = BrowserWindow.fromWebContents(event.sender);
  return window === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options);
}

export function createSyncHandlers(deps: SyncDeps = {}): SyncHandlers {
  const userData = deps.userData ?? (() => app.getPath('userData'));
  const showOpenDialog = deps.showOpenDialog ?? nativeOpenDialog;
  const log = deps.log ?? ((message: string) => { console.warn(message); });
  const settingsFile = () => path.join(userData(), syncSettingsFileName);

  let folder: string | null | undefined; // undefined: settings not read yet
  let watcher: FolderWatcher | null = null;
  let changed = false;
  let ownFile: string | null = null;

  const startWatching = (target: string) => {
    watcher?.close();
    watcher = watchFolder(target, {
      onChange: () => { changed = true; },
      // Our own atomic writes show up as a dotfile then our own name; neither is news.
      ignore: (name) => name === ownFile || deviceOfBundle(name) === null,
      ...(deps.watch ? { watch: deps.watch } : {}),
      log,
    });
  };

  const currentFolder = async (): Promise<string | null> => {
    if (folder === undefined) {
      folder = (await readSyncSettings(settingsFile(), log)).folder;
      if (folder !== null) startWatching(folder);
    }
    return folder;
  };

  const noFolder = () => err({ code: 'unavailable' as const, message: 'no shared folder is chosen' });

  const chooseFolder: Handler<'sync:choose-folder'> = async (_request, event) => {
    const choice = await showOpenDialog(event, { properties: ['openDirectory', 'createDirectory'] });
    const chosen = choice.filePaths[0];
    if (choice.canceled || chosen === undefined) return ok({ status: 'cancelled' });
    const checked = await checkSyncFolder(chosen);
    if (!checked.ok) return checked;
    const saved = await writeSyncSettings(settingsFile(), { folder: chosen });
    if (!saved.ok) return saved;
    folder = chosen;
    changed = true; // a new folder: everything in it is news
    startWatching(chosen);
    return ok({ status: 'chosen', folder: chosen });
  };

  const getState: Handler<'sync:get-state'> = async () => ok({ folder: await currentFolder(), changed, needsPermission: false });

  const writeOwn: Handler<'sync:write-own'> = async ({ deviceId, bytes }) => {
    const target = await currentFolder();
    if (target === null) return noFolder();
    ownFile = ownBundleName(deviceId);
    return writeOwnBundle(target, deviceId, bytes);
  };

  const listOthers: Handler<'sync:list-others'> = async ({ deviceId, known }) => {
    const target = await currentFolder();
    if (target === null) return noFolder();
    ownFile = ownBundleName(deviceId);
    changed = false;
    const listing = await listOtherBundles(target, deviceId, known);
    if (!listing.ok) changed = true; // try again at the next check
    return listing;
  };

  const forgetFolder: Handler<'sync:forget-folder'> = async () => {
    const saved = await writeSyncSettings(settingsFile(), { folder: null });
    if (!saved.ok) return saved;
    watcher?.close();
    watcher = null;
    folder = null;
    changed = false;
    return ok(null);
  };

  return {
    'sync:choose-folder': chooseFolder,
    'sync:get-state': getState,
    'sync:write-own': writeOwn,
    'sync:list-others': listOthers,
    'sync:forget-folder': forgetFolder,
    stop: () => {
      watcher?.close();
      watcher = null;
    },
  };
}
