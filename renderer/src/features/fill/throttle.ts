/**
 * At most one call per interval: the first value goes at once, the newest of those that follow
 * goes when the interval ends. Used to remember where the researcher is without a write per focus.
 */
export interface Throttled<T> {
  set(value: T): void;
  /** Sends the newest value now, if it has not been sent. */
  flush(): void;
}

export function throttle<T>(send: (value: T) => void, intervalMs: number): Throttled<T> {
  let lastSent: T | undefined;
  let waiting: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const sendIfNew = (value: T): boolean => {
    if (Object.is(value, lastSent)) return false;
    lastSent = value;
    send(value);
    return true;
  };
  const tick = () => {
    timer = null;
    const next = waiting;
    waiting = null;
    if (next && sendIfNew(next.value)) timer = setTimeout(tick, intervalMs);
  };

  return {
    set(value) {
      if (timer) {
        waiting = { value };
        return;
      }
      if (sendIfNew(value)) timer = setTimeout(tick, intervalMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      timer = null;
      const next = waiting;
      waiting = null;
      if (next) sendIfNew(next.value);
    },
  };
}
