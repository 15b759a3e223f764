/**
 * The browser variant's shared-folder sync, behind the same interface as Electron's: the folder
 * is one the researcher picks with Chromium's File System Access API, its handle kept in
 * IndexedDB so that the choice survives a restart. After a restart the browser asks again for
 * access, which needs a click: the state then says `needsPermission`, and `chooseFolder` with
 * `regrant` asks. Where the API is absent, every call answers 'unavailable' and the app offers
 * the manual way (export, import). Writes go through `createWritable`, which the browser writes
 * aside and swaps in on close: a colleague never reads half a file.
 */
import { err, ok, type Result } from '../../../core/shared/result';
import type { BridgeError, BridgeErrorCode, MaillageBridge, OtherBundle, SkippedBundle } from '../../../electron/bridge-contract';
import type { BrowserBridgeDeps } from './browser-deps';
import { errorName, isDirectoryEntry, type DirectoryEntry, type DirectoryPicker } from './file-system-access';

/** The same cap as Electron main's for any file read into the app. */
export const maxBundleBytes = 200 * 1024 * 1024;
const bundleNamePattern = /^([a-z0-9-]{1,40})\.maillage$/;
const readwrite = { mode: 'readwrite' } as const;

const codeByName: Readonly<Record<string, BridgeErrorCode>> = {
  NotAllowedError: 'permission-denied',
  SecurityError: 'permission-denied',
  NotFoundError: 'unavailable',
  QuotaExceededError: 'disk-full',
  NoModificationAllowedError: 'permission-denied',
};

const failure = (error: unknown): { ok: false; error: BridgeError } =>
  err({ code: codeByName[errorName(error)] ?? 'io', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });

const unavailable = (message: string) => err({ code: 'unavailable' as const, message });

export function createBrowserSync(store: BrowserBridgeDeps['syncFolder'], picker: DirectoryPicker | null): MaillageBridge['sync'] {
  let folder: DirectoryEntry | null | undefined; // undefined: not loaded from the store yet

  const current = async (): Promise<DirectoryEntry | null> => {
    if (folder === undefined) {
      const loaded = await store.load();
      folder = loaded.ok && isDirectoryEntry(loaded.value) ? loaded.value : null;
    }
    return folder;
  };

  const permission = async (entry: DirectoryEntry) => (entry.queryPermission ? entry.queryPermission(readwrite) : 'granted');

  /** The folder, if chosen and accessible now. */
  const usable = async (): Promise<Result<DirectoryEntry, BridgeError>> => {
    if (!picker) return unavailable('this browser has no File System Access API');
    const entry = await current();
    if (!entry) return unavailable('no shared folder is chosen');
    if ((await permission(entry)) !== 'granted') return err({ code: 'permission-denied', message: 'access to the folder must be granted again' });
    return ok(entry);
  };

  return {
    chooseFolder: async ({ regrant }) => {
      if (!picker) return unavailable('this browser has no File System Access API');
      try {
        const remembered = await current();
        if (regrant === true && remembered?.requestPermission) {
          const answer = await remembered.requestPermission(readwrite);
          return answer === 'granted' ? ok({ status: 'chosen', folder: remembered.name }) : err({ code: 'permission-denied', message: 'access was not granted' });
        }
        const picked = await picker({ id: 'maillage-sync', mode: 'readwrite' });
        folder = picked;
        // A handle that cannot be stored (a test's fake) still serves for this session.
        await store.save(picked);
        return ok({ status: 'chosen', folder: picked.name });
      } catch (error) {
        return errorName(error) === 'AbortError' ? ok({ status: 'cancelled' }) : failure(error);
      }
    },

    getState: async () => {
      if (!picker) return unavailable('this browser has no File System Access API');
      try {
        const entry = await current();
        return ok({ folder: entry?.name ?? null, changed: false, needsPermission: entry !== null && (await permission(entry)) !== 'granted' });
      } catch (error) {
        return failure(error);
      }
    },

    writeOwn: async ({ deviceId, bytes }) => {
      const entry = await usable();
      if (!entry.ok) return entry;
      try {
        const fileName = `${deviceId}.maillage`;
        const writable = await (await entry.value.getFileHandle(fileName, { create: true })).createWritable();
        try {
          await writable.write(bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes));
          await writable.close();
        } catch (error) {
          await writable.abort?.().catch(() => undefined);
          throw error;
        }
        return ok({ fileName, writtenAt: Date.now() });
      } catch (error) {
        return failure(error);
      }
    },

    listOthers: async ({ deviceId, known }) => {
      const entry = await usable();
      if (!entry.ok) return entry;
      const bundles: OtherBundle[] = [];
      const skipped: SkippedBundle[] = [];
      try {
        for await (const child of entry.value.values()) {
          const other = bundleNamePattern.exec(child.name)?.[1];
          if (child.kind !== 'file' || other === undefined || other === deviceId) continue;
          const file = await child.getFile().catch(() => null);
          if (!file) skipped.push({ fileName: child.name, reason: 'unreadable' });
          else if (known !== undefined && Object.hasOwn(known, child.name) && known[child.name] === file.lastModified) continue;
          else if (file.size > maxBundleBytes) skipped.push({ fileName: child.name, reason: 'too-large' });
          else bundles.push({ fileName: child.name, deviceId: other, modifiedMs: file.lastModified, bytes: new Uint8Array(await file.arrayBuffer()) });
        }
      } catch (error) {
        return failure(error);
      }
      bundles.sort((a, b) => (a.fileName < b.fileName ? -1 : 1));
      return ok({ bundles, skipped });
    },

    forgetFolder: async () => {
      folder = null;
      const saved = await store.save(null);
      return saved.ok ? ok(null) : err({ code: 'io', message: saved.error.detail });
    },
  };
}
