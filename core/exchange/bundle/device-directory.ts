/**
 * The names of the devices whose writes a dataset carries. A bundle's stamps name devices by id
 * only; its manifest says who wrote it (`device`, `researcher`) and, in `devices`, who the
 * other devices are as its writer knew them. So a conflict between two researchers can be shown
 * with their names on a third computer that only ever saw a coordinator's merged bundle.
 *
 * A device's label is the one it gave in its latest bundle (the greatest `at`); merging keeps,
 * for each id, the greatest label in one total order, so that it is commutative, associative
 * and idempotent like the rest of the merge, and `maillage merge a b` and `merge b a` write the
 * same directory.
 */
import { directoryDeviceSchema, maxDirectoryDevices, type Manifest } from './schema';

export type DeviceLabel = {
  readonly name: string;
  readonly researcher: string;
  /** When that device wrote the bundle this label comes from (an ISO 8601 instant). */
  readonly at: string;
};

export type DeviceDirectory = ReadonlyMap<string, DeviceLabel>;

/** The wire form: one item per device, sorted by id. */
export type DirectoryItem = DeviceLabel & { readonly id: string };

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The later label; between two of the same time, the same one on every computer. */
export function laterLabel(a: DeviceLabel, b: DeviceLabel): DeviceLabel {
  const order = compare(a.at, b.at) || compare(a.name, b.name) || compare(a.researcher, b.researcher);
  return order >= 0 ? a : b;
}

/** Both directories, each device with its later label. */
export function mergeDirectories(a: DeviceDirectory | undefined, b: DeviceDirectory | undefined): DeviceDirectory {
  if (!a || a.size === 0) return b ?? new Map();
  if (!b || b.size === 0) return a;
  const out = new Map(a);
  for (const [id, label] of b) {
    const mine = out.get(id);
    out.set(id, mine ? laterLabel(mine, label) : label);
  }
  return out;
}

/** Whether a label can travel: what a reader takes in `devices` (a manifest's writer is checked less strictly). */
const fits = (id: string, label: DeviceLabel): boolean => directoryDeviceSchema.safeParse({ id, ...label }).success;

/** What a bundle's manifest says of devices: its writer (unless its id or time could not travel), then the others it knew. */
export function directoryOf(manifest: Manifest): DeviceDirectory {
  let out: DeviceDirectory = new Map();
  for (const item of manifest.devices ?? []) out = mergeDirectories(out, new Map([[item.id, { name: item.name, researcher: item.researcher, at: item.at }]]));
  const writer: DeviceLabel = { name: manifest.device.name, researcher: manifest.researcher, at: manifest.exportedAt };
  return fits(manifest.device.id, writer) ? mergeDirectories(out, new Map([[manifest.device.id, writer]])) : out;
}

/** The directory as a manifest writes it: sorted by id, the writer itself left out (its manifest says who it is). */
export function directoryItems(directory: DeviceDirectory | undefined, writerId: string): DirectoryItem[] {
  if (!directory) return [];
  let ids = [...directory.keys()].filter((id) => id !== writerId && fits(id, directory.get(id) as DeviceLabel));
  // Beyond what a reader takes, the devices heard from last.
  if (ids.length > maxDirectoryDevices) {
    const at = (id: string) => (directory.get(id) as DeviceLabel).at;
    ids = ids.sort((a, b) => compare(at(b), at(a)) || compare(a, b)).slice(0, maxDirectoryDevices);
  }
  return ids.sort(compare).map((id) => {
    const { name, researcher, at } = directory.get(id) as DeviceLabel;
    return { id, name, researcher, at };
  });
}

/** Whether two directories say the same. */
export function sameDirectory(a: DeviceDirectory | undefined, b: DeviceDirectory | undefined): boolean {
  const x = a ?? new Map<string, DeviceLabel>();
  const y = b ?? new Map<string, DeviceLabel>();
  if (x.size !== y.size) return false;
  for (const [id, label] of x) {
    const other = y.get(id);
    if (!other || other.name !== label.name || other.researcher !== label.researcher || other.at !== label.at) return false;
  }
  return true;
}
