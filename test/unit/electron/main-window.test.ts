import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ENTRY_URL } from '../../../electron/main/security/origin';
import { createMainWindow, mainWindowOptions } from '../../../electron/main/windows/main-window';

vi.mock('electron', async () => (await import('./fakes')).electronFake);

const { FakeBrowserWindow } = await import('./fakes');

describe('the main window', () => {
  beforeEach(() => {
    FakeBrowserWindow.instances.length = 0;
  });

  it('is created with every security flag set explicitly', () => {
    const { webPreferences } = mainWindowOptions('/app/dist/electron/preload.cjs');
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
    });
  });

  it('turns on no Node or insecure option under another name', () => {
    const { webPreferences } = mainWindowOptions('/preload.cjs');
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
    expect(webPreferences).not.toHaveProperty('disableBlinkFeatures');
  });

  it('loads the renderer from app://maillage and shows itself only when ready', () => {
    createMainWindow('/preload.cjs');
    const [window] = FakeBrowserWindow.instances;
    expect(window?.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(APP_ENTRY_URL).toBe('app://maillage/index.html');
    expect(window?.show).not.toHaveBeenCalled();
    window?.emit('ready-to-show');
    expect(window?.show).toHaveBeenCalledOnce();
  });
});
