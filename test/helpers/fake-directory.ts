/**
 * An in-memory folder with the File System Access subset the browser sync uses (see
 * renderer/src/platform/file-system-access.ts): files with bytes and modification times, a
 * permission that tests can take away, and failures on demand.
 */
import type { DirectoryEntry, FileEntry, Permission, WritableFile } from '../../renderer/src/platform/file-system-access';

export interface StoredFile {
  bytes: Uint8Array;
  lastModified: number;
}

export class FakeDirectory implements DirectoryEntry {
  readonly kind = 'directory' as const;
  readonly files = new Map<string, StoredFile>();
  readonly folders = new Set<string>();
  permission: Permission = 'granted';
  /** The permission once asked again (with a click). */
  permissionOnRequest: Permission = 'granted';
  /** DOMException name thrown by the next write, if any. */
  failNextWrite: string | null = null;
  /**
   * Modification times follow the wall clock, as on a real disk (the sync service compares them
   * with Date.now()), and always move forward by at least a second per write.
   */
  clock = Date.now();

  constructor(readonly name: string) {}

  queryPermission(): Promise<Permission> {
    return Promise.resolve(this.permission);
  }

  requestPermission(): Promise<Permission> {
    this.permission = this.permissionOnRequest;
    return Promise.resolve(this.permission);
  }

  put(name: string, content: string | Uint8Array, lastModified = this.clock): void {
    this.files.set(name, { bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content, lastModified });
  }

  text(name: string): string | undefined {
    const file = this.files.get(name);
    return file && new TextDecoder().decode(file.bytes);
  }

  private entry(name: string): FileEntry {
    const files = this.files;
    const failure = () => {
      const failing = this.failNextWrite;
      this.failNextWrite = null;
      return failing;
    };
    const tick = () => (this.clock = Math.max(this.clock + 1000, Date.now()));
    return {
      kind: 'file',
      name,
      getFile: () => {
        const file = files.get(name);
        if (!file) return Promise.reject(new DOMException('gone', 'NotFoundError'));
        const copy = file.bytes.slice();
        return Promise.resolve({ name, size: copy.length, lastModified: file.lastModified, arrayBuffer: () => Promise.resolve(copy.buffer) });
      },
      createWritable: (): Promise<WritableFile> => {
        const chunks: Uint8Array[] = [];
        return Promise.resolve({
          write: (data) => {
            const failing = failure();
            if (failing) return Promise.reject(new DOMException('refused', failing));
            chunks.push(data.slice());
            return Promise.resolve();
          },
          // Like the real API, the file changes only when the writable is closed.
          close: () => {
            files.set(name, { bytes: new Uint8Array(chunks.flatMap((c) => [...c])), lastModified: tick() });
            return Promise.resolve();
          },
          abort: () => Promise.resolve(),
        });
      },
    };
  }

  getFileHandle(name: string, options: { readonly create?: boolean } = {}): Promise<FileEntry> {
    if (this.permission !== 'granted') return Promise.reject(new DOMException('no access', 'NotAllowedError'));
    if (!this.files.has(name) && options.create !== true) return Promise.reject(new DOMException('missing', 'NotFoundError'));
    return Promise.resolve(this.entry(name));
  }

  values(): AsyncIterable<FileEntry | { readonly kind: 'directory'; readonly name: string }> {
    const denied = this.permission !== 'granted';
    const entries = [...[...this.folders].map((name) => ({ kind: 'directory' as const, name })), ...[...this.files.keys()].map((name) => this.entry(name))];
    return {
      [Symbol.asyncIterator]: () => {
        let index = 0;
        return {
          next: () => {
            if (denied) return Promise.reject(new DOMException('no access', 'NotAllowedError'));
            const value = entries[index++];
            return Promise.resolve(value === undefined ? { done: true, value: undefined } : { done: false, value });
          },
        };
      },
    };
  }
}
