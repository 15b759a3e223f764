import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSaveQueue, type SaveStatus } from '../../../renderer/src/features/fill/save-queue';
import { throttle } from '../../../renderer/src/features/fill/throttle';

describe('the autosave queue', () => {
  it('keeps a failed value, says so, and writes it again on retry', async () => {
    const stored = new Map<string, string>();
    const statuses: SaveStatus[] = [];
    let isDiskFull = true;
    const queue = createSaveQueue<string>({
      write: (key, value) => {
        if (isDiskFull) return Promise.resolve(false);
        stored.set(key, value);
        return Promise.resolve(true);
      },
      onStatus: (status) => { statuses.push(status); },
    });
    queue.set('a_commune', 'Cluses');
    await queue.flush();
    expect(statuses.at(-1)).toBe('error');
    expect(stored.size).toBe(0);
    isDiskFull = false;
    await queue.flush();
    expect(stored.size).toBe(0);
    await queue.retry();
    expect(stored.get('a_commune')).toBe('Cluses');
    expect(statuses.at(-1)).toBe('saved');
    expect(queue.isBusy()).toBe(false);
  });
});

describe('remembering the position, throttled', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });

  it('sends the first value at once and only the newest one per interval after it', () => {
    const sent: string[] = [];
    const position = throttle<string>((path) => { sent.push(path); }, 1000);
    position.set('a');
    position.set('b');
    position.set('c');
    expect(sent).toEqual(['a']);
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual(['a', 'c']);
    position.set('c');
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual(['a', 'c']);
    position.set('d');
    position.set('e');
    position.flush();
    expect(sent).toEqual(['a', 'c', 'd', 'e']);
  });
});
