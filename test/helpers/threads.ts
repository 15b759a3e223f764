/** What crossing threads does to a value, for code whose results a worker thread posts back. */

/**
 * The value as another thread receives it: copied by structured clone, the buffers of its typed
 * arrays handed over (they are detached here afterwards, as a worker's are once posted).
 */
export function handedOver<T>(value: T): T {
  const buffers: ArrayBuffer[] = [];
  const walk = (item: unknown): void => {
    if (ArrayBuffer.isView(item)) buffers.push(item.buffer as ArrayBuffer);
    else if (Array.isArray(item)) for (const inner of item as unknown[]) walk(inner);
    else if (typeof item === 'object' && item !== null) for (const inner of Object.values(item)) walk(inner);
  };
  walk(value);
  return structuredClone(value, { transfer: buffers });
}
