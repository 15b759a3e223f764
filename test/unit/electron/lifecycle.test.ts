/**
 * electron/main/index.ts against the fake electron: what happens before 'ready', on 'ready', and
 * when a second copy of the app is launched. Each test loads a fresh copy of main.
 */
import { describe, expect, it, vi } from 'vitest';
import type { ElectronFake, FakeBrowserWindow as FakeWindowClass } from './fakes';

let electron: ElectronFake;
let FakeBrowserWindow: typeof FakeWindowClass;

/** Loads a fresh copy of main (its module state is the app's state) against fresh fakes. */
async function startMain(options: { hasLock: boolean } = { hasLock: true }) {
  vi.resetModules();
  const fakes = await import('./fakes');
  ({ electronFake: electron, FakeBrowserWindow } = fakes);
  vi.doMock('electron', () => fakes.electronFake);
  electron.app.requestSingleInstanceLock.mockReturnValue(options.hasLock);
  await import('../../../electron/main/index');
}

async function becomeReady() {
  electron.app.markReady();
  await vi.waitFor(() => {
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });
}

describe('Electron main', () => {
  it('registers the app scheme as standard, secure and fetchable, and sandboxes every renderer, before ready', async () => {
    await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(electron.app.enableSandbox).toHaveBeenCalledOnce();
    expect(electron.protocol.handle).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('on ready denies permissions, serves the renderer, answers IPC, sets the menu and opens the window', async () => {
    await startMain();
    await becomeReady();
    const session = electron.session.defaultSession;
    expect(session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.setDevicePermissionHandler).toHaveBeenCalledOnce();
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.ipcMain.handle.mock.calls.map(([channel]) => channel)).toEqual(
      expect.arrayContaining(['app:get-info', 'files:save', 'shell:open-external']),
    );
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledOnce();

    const [window] = FakeBrowserWindow.instances;
    expect(window?.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(window?.options.webPreferences?.sandbox).toBe(true);
    expect(window?.loadURL).toHaveBeenCalledWith('app://maillage/index.html');
  });

  it('builds the first menu in the system language', async () => {
    await startMain();
    electron.app.getLocale.mockReturnValue('en-GB');
    await becomeReady();
    const [[template]] = electron.Menu.buildFromTemplate.mock.calls as unknown as [[{ label: string }[]]];
    expect(template.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('rebuilds the menu in the language the renderer sets', async () => {
    await startMain();
    await becomeReady();
    const { fakeInvokeEvent } = await import('./fakes');
    const call = electron.ipcMain.handle.mock.calls.find(([channel]) => channel === 'app:set-language');
    const listener = call?.[1] as ((event: unknown, request: unknown) => Promise<unknown>) | undefined;
    expect(await listener?.(fakeInvokeEvent('app://maillage/index.html'), { language: 'en' })).toEqual({ ok: true, value: null });
    const templates = electron.Menu.buildFromTemplate.mock.calls as unknown as [{ label: string }[]][];
    expect(templates.map(([template]) => template[0]?.label)).toEqual(['Fichier', 'File']);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledTimes(2);
  });

  it('hardens every WebContents as it is created', async () => {
    await startMain();
    const { FakeWebContents } = await import('./fakes');
    const contents = new FakeWebContents();
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('focuses the running window when the app is launched again', async () => {
    await startMain();
    await becomeReady();
    const [window] = FakeBrowserWindow.instances;
    window?.isMinimized.mockReturnValue(true);
    electron.app.emit('second-instance');
    expect(window?.restore).toHaveBeenCalledOnce();
    expect(window?.focus).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('quits at once when another copy already holds the lock', async () => {
    await startMain({ hasLock: false });
    expect(electron.app.quit).toHaveBeenCalledOnce();
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.app.listenerCount('second-instance')).toBe(0);
  });
});
