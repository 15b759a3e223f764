/**
 * The subset of the File System Access API the browser variant's sync uses. Chromium has it;
 * TypeScript's DOM library lacks the picker and the permission calls, and tests hand in fakes,
 * so the shapes are declared here and every value from outside is checked before use.
 */
export type Permission = 'granted' | 'denied' | 'prompt';
interface PermissionDescriptor { readonly mode: 'readwrite' }

export interface WritableFile {
  write(data: Uint8Array<ArrayBuffer>): Promise<void>;
  close(): Promise<void>;
  abort?(): Promise<void>;
}

export interface FileLike {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface FileEntry {
  readonly kind: 'file';
  readonly name: string;
  getFile(): Promise<FileLike>;
  createWritable(): Promise<WritableFile>;
}

export interface DirectoryEntry {
  readonly kind: 'directory';
  readonly name: string;
  queryPermission?(descriptor: PermissionDescriptor): Promise<Permission>;
  requestPermission?(descriptor: PermissionDescriptor): Promise<Permission>;
  getFileHandle(name: string, options?: { readonly create?: boolean }): Promise<FileEntry>;
  values(): AsyncIterable<FileEntry | { readonly kind: 'directory'; readonly name: string }>;
}

export type DirectoryPicker = (options: { readonly id?: string; readonly mode: 'readwrite' }) => Promise<DirectoryEntry>;

export function isDirectoryEntry(value: unknown): value is DirectoryEntry {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<Record<keyof DirectoryEntry, unknown>>;
  return candidate.kind === 'directory' && typeof candidate.name === 'string' && typeof candidate.getFileHandle === 'function' && typeof candidate.values === 'function';
}

/** Chromium's `showDirectoryPicker`, or null where the browser has none. */
export function directoryPicker(scope: object = globalThis): DirectoryPicker | null {
  const picker = (scope as { showDirectoryPicker?: unknown }).showDirectoryPicker;
  return typeof picker === 'function' ? (options) => (picker as DirectoryPicker).call(scope, options) : null;
}

/** DOMException names as the API throws them, mapped to the bridge's codes. */
export function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string' ? (error as { name: string }).name : '';
}
