/**
 * The device directory this computer has learnt from bundles (core/exchange/bundle/device-directory.ts),
 * kept in `meta`: every import adds what its bundle said, every bundle this computer writes
 * passes it on, so a conflict shows who wrote each side even when the two never met.
 * Called inside the caller's transaction, which must include `db.meta`.
 */
import { mergeDirectories, sameDirectory, type DeviceDirectory, type DeviceLabel } from '../../../core/exchange/bundle/device-directory';
import type { MaillageDb } from './db';
import { deviceNamesKey } from './meta-keys';

const isItem = (value: unknown): value is DeviceLabel & { id: string } => {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['id'] === 'string' && typeof v['name'] === 'string' && typeof v['researcher'] === 'string' && typeof v['at'] === 'string';
};

/** The stored directory (empty when none, or when what is stored is not one). */
export async function readDeviceNames(db: MaillageDb): Promise<DeviceDirectory> {
  const value = (await db.meta.get(deviceNamesKey))?.value;
  const items = Array.isArray(value) ? value.filter(isItem) : [];
  return new Map(items.map(({ id, name, researcher, at }) => [id, { name, researcher, at }]));
}

/** Adds what a bundle said; writes only when that changes something. */
export async function learnDeviceNames(db: MaillageDb, incoming: DeviceDirectory | undefined): Promise<void> {
  if (!incoming || incoming.size === 0) return;
  const known = await readDeviceNames(db);
  const merged = mergeDirectories(known, incoming);
  if (sameDirectory(known, merged)) return;
  const value = [...merged].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, label]) => ({ id, ...label }));
  await db.meta.put({ key: deviceNamesKey, value });
}
