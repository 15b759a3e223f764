/**
 * This device's identity and its hybrid logical clock, kept in the database's `meta` table and
 * advanced inside each write transaction, so that two windows on the same profile never hand out
 * the same stamp.
 */
import { createHlcClock, type Hlc } from '../../../core/exchange/hlc';
import type { MaillageDb } from './db';

interface DeviceState {
  readonly id: string;
  readonly lastHlc?: Hlc;
}

const key = 'device';

function newDeviceId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `d-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

const isDeviceState = (value: unknown): value is DeviceState =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

/** Must run inside a transaction that includes `db.meta`. */
export async function nextStamp(db: MaillageDb, now: () => number): Promise<Hlc> {
  const stored = (await db.meta.get(key))?.value;
  const state = isDeviceState(stored) ? stored : { id: newDeviceId() };
  const clock = createHlcClock(state.id, now, state.lastHlc);
  const stamp = clock.next();
  await db.meta.put({ key, value: { id: state.id, lastHlc: stamp } satisfies DeviceState });
  return stamp;
}

export async function deviceId(db: MaillageDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = (await db.meta.get(key))?.value;
    if (isDeviceState(stored)) return stored.id;
    const id = newDeviceId();
    await db.meta.put({ key, value: { id } satisfies DeviceState });
    return id;
  });
}
