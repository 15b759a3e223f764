/**
 * What the browser bridge needs from the page that the platform layer may not build itself:
 * storage for the shared folder's handle and for backups. The data layer provides both (main.tsx
 * wires them); the shapes are declared here so that the platform never imports the data layer.
 */
import type { Result } from '../../../core/shared/result';

export interface VaultError {
  readonly code: string;
  readonly detail: string;
}

export interface BrowserBackup {
  readonly file: string;
  readonly createdAt: string;
  readonly size: number;
  readonly interviews: number;
}

export interface BrowserBridgeDeps {
  readonly syncFolder: {
    load(): Promise<Result<unknown, VaultError>>;
    save(handle: unknown): Promise<Result<null, VaultError>>;
  };
  readonly backups: {
    write(bytes: Uint8Array, interviews: number): Promise<Result<BrowserBackup, VaultError>>;
    list(): Promise<Result<BrowserBackup[], VaultError>>;
    read(file: string): Promise<Result<Uint8Array | null, VaultError>>;
  };
}
