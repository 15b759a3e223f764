/** What happens to pending sync and backup work when the window closes. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { installExitFlush, type ExitTask } from '../../../renderer/src/features/sync/exit-flush';

class FakeWindow extends EventTarget {
  readonly close = vi.fn();
}

function task(pending: boolean) {
  const flush = vi.fn(() => Promise.resolve());
  const exitTask: ExitTask = { hasPendingWork: () => pending, flush };
  return { exitTask, flush };
}

function beforeUnload(): Event {
  return new Event('beforeunload', { cancelable: true });
}

afterEach(() => { vi.useRealTimers(); });

describe('leaving the app in Electron', () => {
  it('lets the window close at once when nothing is pending', () => {
    const target = new FakeWindow();
    installExitFlush({ tasks: [task(false).exitTask], isElectron: true, target: target });
    const event = beforeUnload();
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
  });

  it('holds the close, writes what is pending, then closes the window itself', async () => {
    const target = new FakeWindow();
    const sync = task(true);
    const backups = task(true);
    installExitFlush({ tasks: [sync.exitTask, backups.exitTask], isElectron: true, target: target });
    const event = beforeUnload();
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => { expect(target.close).toHaveBeenCalledOnce(); });
    expect(sync.flush).toHaveBeenCalledOnce();
    expect(backups.flush).toHaveBeenCalledOnce();
    // The second close goes through, whatever is pending.
    const again = beforeUnload();
    target.dispatchEvent(again);
    expect(again.defaultPrevented).toBe(false);
  });

  it('closes anyway after the time limit if the work hangs', async () => {
    vi.useFakeTimers();
    const target = new FakeWindow();
    const stuck: ExitTask = { hasPendingWork: () => true, flush: () => new Promise(() => undefined) };
    installExitFlush({ tasks: [stuck], isElectron: true, target: target, limitMs: 1000 });
    target.dispatchEvent(beforeUnload());
    await vi.advanceTimersByTimeAsync(999);
    expect(target.close).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(target.close).toHaveBeenCalledOnce();
  });
});

describe('leaving the app in a browser', () => {
  it('never holds the page, and starts the pending work when it is hidden', () => {
    const target = new FakeWindow();
    const visibility: { visibilityState: DocumentVisibilityState } = { visibilityState: 'visible' };
    const doc = Object.assign(new EventTarget(), visibility);
    const sync = task(true);
    const idle = task(false);
    const uninstall = installExitFlush({ tasks: [sync.exitTask, idle.exitTask], isElectron: false, target: target, documentTarget: doc });
    const event = beforeUnload();
    target.dispatchEvent(event);
    expect(event.defaultPrevented).toBe(false);
    target.dispatchEvent(new Event('pagehide'));
    expect(sync.flush).toHaveBeenCalledOnce();
    expect(idle.flush).not.toHaveBeenCalled();
    doc.visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(sync.flush).toHaveBeenCalledTimes(2);
    uninstall();
    target.dispatchEvent(new Event('pagehide'));
    expect(sync.flush).toHaveBeenCalledTimes(2);
  });
});
