/**
 * The other computers this one has heard from (through bundles), with who used them and when we
 * last exchanged: the sync panel lists them, and conflicts name them instead of showing ids.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import type { DeviceDirectory } from '../../../core/exchange/bundle/device-directory';
import { err, ok, type Result } from '../../../core/shared/result';
import type { MaillageDb } from './db';
import { readDeviceNames } from './device-names';
import { toStorageError, type StorageError } from './storage-error';

export interface KnownDevice {
  readonly id: string;
  readonly name: string;
  readonly researcher: string;
  /** When that device wrote the last bundle we imported. */
  readonly exportedAt: string;
  /** When we imported it. */
  readonly importedAt: string;
}

const key = 'devices';

const isDeviceList = (value: unknown): value is KnownDevice[] =>
  Array.isArray(value) && value.every((d: unknown) => typeof d === 'object' && d !== null && typeof (d as { id?: unknown }).id === 'string');

export function createDeviceStore(db: MaillageDb) {
  return {
    async list(): Promise<Result<readonly KnownDevice[], StorageError>> {
      try {
        const value = (await db.meta.get(key))?.value;
        return ok(isDeviceList(value) ? value : []);
      } catch (error) {
        return err(toStorageError(error));
      }
    },
    /**
     * Hears every committed change of what this store reads (in `meta`: devices seen, their
     * names, this computer's clock), from this window and the bundle worker alike.
     */
    subscribe(onChange: () => void): () => void {
      const prefix = `idb://${db.name}/meta/`;
      const listener = (parts: ObservabilitySet) => {
        if (Object.keys(parts).some((part) => part.startsWith(prefix))) onChange();
      };
      Dexie.on('storagemutated', listener);
      return () => { Dexie.on('storagemutated').unsubscribe(listener); };
    },
    /** Every device bundles have named, this one's colleagues' colleagues included (see device-names.ts). */
    async names(): Promise<Result<DeviceDirectory, StorageError>> {
      try {
        return ok(await db.transaction('r', db.meta, () => readDeviceNames(db)));
      } catch (error) {
        return err(toStorageError(error));
      }
    },
    async record(device: KnownDevice): Promise<Result<null, StorageError>> {
      try {
        await db.transaction('rw', db.meta, async () => {
          const value = (await db.meta.get(key))?.value;
          const others = (isDeviceList(value) ? value : []).filter((d) => d.id !== device.id);
          await db.meta.put({ key, value: [...others, device].sort((a, b) => a.id.localeCompare(b.id)) });
        });
        return ok(null);
      } catch (error) {
        return err(toStorageError(error));
      }
    },
  };
}

export type DeviceStore = ReturnType<typeof createDeviceStore>;
