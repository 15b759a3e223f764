/**
 * The interview entry's lines shared between the leading worker, which reads them from the
 * front, and the command's thread, which reads them from the back, a few at a time, until they
 * meet: however fast each thread runs, both end at about the same moment. The state lives in
 * shared memory, behind a lock held for a few instructions.
 */
const lock = 0;
const front = 1;
const back = 2;
/** Lines per claim: a fraction of a millisecond of work, so that the lock is rarely contended. */
export const claimSize = 24;
/** Far more turns than a claim takes: a lock held that long was never going to be freed. */
const maxSpins = 50_000_000;

export class LineClaims {
  private readonly state: Int32Array;

  /** `shared`: from LineClaims.share(), possibly received from another thread. */
  constructor(readonly shared: SharedArrayBuffer) {
    this.state = new Int32Array(shared);
  }

  /** New shared state: nothing claimed, the back not yet known. */
  static share(): SharedArrayBuffer {
    const shared = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    Atomics.store(new Int32Array(shared), back, 0x7fffffff);
    return shared;
  }

  /** `work` under the lock; null if the lock is never freed (a thread died holding it: the caller's check of its lines then fails). */
  private held<T>(work: () => T): T | null {
    let spins = 0;
    while (Atomics.compareExchange(this.state, lock, 0, 1) !== 0) {
      // Another thread holds it for a few instructions.
      if (++spins > maxSpins) return null;
    }
    try {
      return work();
    } finally {
      Atomics.store(this.state, lock, 0);
    }
  }

  /** Only the first `total` lines are shared: set as soon as this thread knows them, so that the front never goes past. */
  limit(total: number): void {
    this.held(() => {
      Atomics.store(this.state, back, Math.min(Atomics.load(this.state, back), total));
    });
  }

  /** The next lines from the front, below `limit` (the lines this thread has); null when none is left. */
  fromFront(limit: number): readonly [number, number] | null {
    return this.held(() => {
      const from = Atomics.load(this.state, front);
      const to = Math.min(from + claimSize, limit, Atomics.load(this.state, back));
      if (to <= from) return null;
      Atomics.store(this.state, front, to);
      return [from, to] as const;
    });
  }

  /** The next lines from the back of the first `total`; null when none is left. */
  fromBack(total: number): readonly [number, number] | null {
    return this.held(() => {
      const to = Math.min(Atomics.load(this.state, back), total);
      const from = Math.max(to - claimSize, Atomics.load(this.state, front));
      if (to <= from) return null;
      Atomics.store(this.state, back, from);
      return [from, to] as const;
    });
  }

  /**
   * Every line shared is claimed: the front met the back. Read without the lock: the front only
   * grows and the back only shrinks, so once true it stays true.
   */
  get exhausted(): boolean {
    return Atomics.load(this.state, front) >= Atomics.load(this.state, back);
  }

  /** Where the front stopped: the leading worker read the lines before it. */
  get meeting(): number {
    return Atomics.load(this.state, front);
  }
}
