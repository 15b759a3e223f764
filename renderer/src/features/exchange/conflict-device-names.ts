/**
 * How a conflict names the computers that wrote its versions: this computer, or another by the
 * name it gave (its researcher's when it gave none), or by the start of its id when none is
 * known. Two laptops can carry the same name (two copies of Maillage whose researchers set no
 * name, a demo's devices): where two versions of one conflict would then read alike, each also
 * shows its id (whole: ids of 40 characters at most, which may share their start).
 */
export interface DeviceNaming {
  /** This computer's device id (null while unknown). */
  readonly own: string | null;
  /** What is known of another device; undefined when nothing is. */
  readonly labelOf: (id: string) => { readonly name: string; readonly researcher: string } | undefined;
  readonly thisComputer: string;
  readonly unknown: (shortId: string) => string;
}

const short = (id: string) => id.slice(0, 10);

/** The name shown for each device id of `ids` (a conflict's versions' devices). */
export function conflictDeviceNames(ids: readonly string[], naming: DeviceNaming): Map<string, string> {
  const plain = new Map<string, string>();
  for (const id of ids) {
    if (plain.has(id)) continue;
    const label = id === naming.own ? undefined : naming.labelOf(id);
    const name = id === naming.own ? naming.thisComputer : label?.name || label?.researcher || naming.unknown(short(id));
    plain.set(id, name);
  }
  return toldApart(plain);
}

/** Names by device id, where two devices share a name each with its id after it (whole: ids have 40 characters at most). */
export function toldApart(names: ReadonlyMap<string, string>): Map<string, string> {
  const uses = new Map<string, number>();
  for (const name of names.values()) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map([...names].map(([id, name]) => [id, (uses.get(name) ?? 0) > 1 ? `${name} (${id})` : name]));
}
