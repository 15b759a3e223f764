/**
 * The team's computers as the sync panel lists them: those this computer received bundles from,
 * with their latest bundle and our last import, then those it knows only through others' bundles
 * (a coordinator's merge, a colleague's sync file), with the latest bundle of theirs that was
 * named. This computer is left out.
 */
import type { DeviceDirectory } from '../../../../core/exchange/bundle/device-directory';
import type { KnownDevice } from '../../data';
import { toldApart } from '../exchange/conflict-device-names';

export interface TeamComputer {
  readonly id: string;
  readonly name: string;
  readonly researcher: string;
  /** When that computer wrote its latest bundle known here. */
  readonly exportedAt: string;
  /** When we last imported one of its bundles; null when it is known only through others'. */
  readonly importedAt: string | null;
}

export function teamComputers(direct: readonly KnownDevice[], directory: DeviceDirectory, own: string | null): TeamComputer[] {
  // A computer renamed since our last import from it is shown by its latest name, as on the conflicts screen.
  const seen = direct.filter((device) => device.id !== own).map((device) => {
    const label = directory.get(device.id);
    return label && label.at > device.exportedAt ? { ...device, name: label.name || device.name, researcher: label.researcher || device.researcher } : device;
  });
  const ids = new Set(seen.map((device) => device.id));
  const heardOf: TeamComputer[] = [];
  for (const [id, label] of directory) {
    if (id === own || ids.has(id)) continue;
    heardOf.push({ id, name: label.name || label.researcher || id, researcher: label.researcher, exportedAt: label.at, importedAt: null });
  }
  heardOf.sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
  const all = [...seen, ...heardOf];
  // Two computers of the same name (two copies of Maillage whose researchers set none) are told apart by their ids.
  const names = toldApart(new Map(all.map((computer) => [computer.id, computer.name])));
  return all.map((computer) => ({ ...computer, name: names.get(computer.id) ?? computer.name }));
}
