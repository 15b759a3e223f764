/** The browser variant's backups: the same channels as Electron's, kept in IndexedDB. */
import { parseBackupFileName } from '../../../core/exchange/backup-rotation';
import { err, ok } from '../../../core/shared/result';
import type { BridgeError, MaillageBridge } from '../../../electron/bridge-contract';
import type { BrowserBridgeDeps, VaultError } from './browser-deps';

const bridgeError = (error: VaultError): BridgeError => ({ code: error.code === 'quota' ? 'disk-full' : 'io', message: error.detail });

export function createBrowserBackups(vault: BrowserBridgeDeps['backups']): MaillageBridge['backups'] {
  return {
    write: async ({ bytes, interviews }) => {
      const written = await vault.write(bytes, interviews);
      return written.ok ? ok(written.value) : err(bridgeError(written.error));
    },
    list: async () => {
      const listed = await vault.list();
      return listed.ok ? ok(listed.value) : err(bridgeError(listed.error));
    },
    read: async ({ file }) => {
      if (parseBackupFileName(file) === null) return err({ code: 'not-allowed', message: `not a backup file name: ${file}` });
      const read = await vault.read(file);
      if (!read.ok) return err(bridgeError(read.error));
      return read.value === null ? err({ code: 'unavailable', message: `${file} no longer exists` }) : ok(read.value);
    },
  };
}
