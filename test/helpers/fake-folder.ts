/**
 * A shared folder for end-to-end tests of the browser variant's sync: an in-page
 * `showDirectoryPicker` whose directory handle keeps its files in the test process, so that
 * several browser contexts — several laptops — share one folder. It implements the subset of
 * File System Access the app uses (renderer/src/platform/file-system-access.ts).
 */
import type { BrowserContext } from 'playwright-core';

export interface FolderFile {
  readonly data: Buffer;
  readonly lastModified: number;
}

export type SharedFolder = Map<string, FolderFile>;

type FolderCall =
  | { readonly op: 'list' }
  | { readonly op: 'read'; readonly name: string }
  | { readonly op: 'write'; readonly name: string; readonly data: string };

function answer(folder: SharedFolder, call: FolderCall): unknown {
  switch (call.op) {
    case 'list': return [...folder.keys()];
    case 'read': {
      const file = folder.get(call.name);
      return file ? { data: file.data.toString('base64'), lastModified: file.lastModified } : null;
    }
    case 'write':
      folder.set(call.name, { data: Buffer.from(call.data, 'base64'), lastModified: Date.now() });
      return null;
  }
}

/** Runs in the page before the app: replaces the picker with one that opens the shared folder. */
function installPicker(folderName: string): void {
  const call = (request: unknown) => (window as unknown as { maillageTestFolder: (r: unknown) => Promise<unknown> }).maillageTestFolder(request);
  const toBase64 = (bytes: Uint8Array) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
  const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  const fileEntry = (name: string) => ({
    kind: 'file',
    name,
    getFile: async () => {
      const file = (await call({ op: 'read', name })) as { data: string; lastModified: number } | null;
      if (!file) throw new DOMException('gone', 'NotFoundError');
      const bytes = fromBase64(file.data);
      return { name, size: bytes.length, lastModified: file.lastModified, arrayBuffer: () => Promise.resolve(bytes.buffer) };
    },
    createWritable: () => {
      const chunks: number[] = [];
      return Promise.resolve({
        write: (data: Uint8Array) => { chunks.push(...data); return Promise.resolve(); },
        close: async () => { await call({ op: 'write', name, data: toBase64(new Uint8Array(chunks)) }); },
        abort: () => Promise.resolve(),
      });
    },
  });
  const directory = {
    kind: 'directory',
    name: folderName,
    queryPermission: () => Promise.resolve('granted'),
    requestPermission: () => Promise.resolve('granted'),
    getFileHandle: (name: string) => Promise.resolve(fileEntry(name)),
    values: () => ({
      [Symbol.asyncIterator]: () => {
        let names: string[] | null = null;
        let index = 0;
        return {
          next: async () => {
            names ??= (await call({ op: 'list' })) as string[];
            const name = names[index++];
            return name === undefined ? { done: true, value: undefined } : { done: false, value: fileEntry(name) };
          },
        };
      },
    }),
  };
  Object.defineProperty(window, 'showDirectoryPicker', { configurable: true, value: () => Promise.resolve(directory) });
}

export async function shareFolder(context: BrowserContext, folder: SharedFolder, folderName = 'Dossier équipe'): Promise<void> {
  await context.exposeFunction('maillageTestFolder', (call: FolderCall) => answer(folder, call));
  await context.addInitScript(installPicker, folderName);
}

/** A browser without File System Access, as Firefox or Safari are. */
export async function withoutFolderAccess(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    delete (window as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
    delete (Window.prototype as unknown as { showDirectoryPicker?: unknown }).showDirectoryPicker;
  });
}
