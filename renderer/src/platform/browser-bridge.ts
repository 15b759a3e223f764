/**
 * The bridge for the browser variant (`npm run dev:web` and every end-to-end test): the same
 * interface as the Electron preload, built on what a browser offers — Blob downloads and file
 * inputs; the shared folder through File System Access where Chromium has it (./browser-sync.ts);
 * backups in IndexedDB (./browser-backups.ts).
 */
import type { AppInfo, BridgeResult, MaillageBridge, OpenFileRequest, OpenFileResponse, SaveFileRequest, SaveFileResponse } from '../../../electron/bridge-contract';
import { ok, err } from '../../../core/shared/result';
import { createBrowserBackups } from './browser-backups';
import type { BrowserBridgeDeps } from './browser-deps';
import { createBrowserSync } from './browser-sync';
import { directoryPicker } from './file-system-access';

const done = <T>(value: T): Promise<BridgeResult<T>> => Promise.resolve(ok(value));

function saveFile(request: SaveFileRequest): Promise<BridgeResult<SaveFileResponse>> {
  // A Blob takes bytes backed by a plain ArrayBuffer; bytes on a shared buffer are copied.
  const data = request.data.buffer instanceof ArrayBuffer ? (request.data as Uint8Array<ArrayBuffer>) : new Uint8Array(request.data);
  const url = URL.createObjectURL(new Blob([data]));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = request.suggestedName;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: Chromium reads the Blob after the click returns.
  setTimeout(() => { URL.revokeObjectURL(url); }, 60_000);
  return done({ status: 'saved', location: request.suggestedName });
}

function openFile(request: OpenFileRequest): Promise<BridgeResult<OpenFileResponse>> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('cancel', () => { resolve(ok({ status: 'cancelled' })); });
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) {
        resolve(ok({ status: 'cancelled' }));
        return;
      }
      file.arrayBuffer().then(
        (buffer) => { resolve(ok({ status: 'opened', name: file.name, data: new Uint8Array(buffer) })); },
        (error: unknown) => { resolve(err({ code: 'io', message: String(error) })); },
      );
    });
    input.click();
  });
}

export function createBrowserBridge(deps: BrowserBridgeDeps): MaillageBridge {
  const info: AppInfo = {
    version: __APP_VERSION__,
    dataLocation: { kind: 'browser', origin: window.location.origin },
    platform: navigator.userAgent,
    shell: 'browser',
  };
  return {
    app: {
      getInfo: () => done(info),
      setLanguage: () => done(null),
    },
    files: { saveFile, openFile },
    shell: {
      openExternal: ({ url }) => {
        if (!url.startsWith('https://')) return Promise.resolve(err({ code: 'not-allowed', message: url }));
        window.open(url, '_blank', 'noopener,noreferrer');
        return done(null);
      },
    },
    sync: createBrowserSync(deps.syncFolder, directoryPicker(window)),
    backups: createBrowserBackups(deps.backups),
  };
}
