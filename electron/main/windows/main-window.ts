/**
 * The one window factory. Its options are a pure function so a test can assert every security
 * flag; Electron's defaults are already safe for most of them, but we state each one so that a
 * change of default, or of this file, is visible in review and in the test.
 */
import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron';
import { APP_ENTRY_URL } from '../security/origin';

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Maillage',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    // Shown on 'ready-to-show' so the researcher never sees an empty white frame.
    show: false,
    backgroundColor: '#f7f6f2',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      webSecurity: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
    },
  };
}

/** Creates the main window and loads the renderer from the app's own origin. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  // Electronegativity reads only literal options, so it cannot see mainWindowOptions(); its
  // flags are asserted by test/unit/electron/main-window.test.ts instead. A middle click
  // (auxclick) can only ask for a new window, and the navigation guard denies every one.
  const window = new BrowserWindow(mainWindowOptions(preloadPath)); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK -- options asserted by unit tests, see above
  window.once('ready-to-show', () => {
    window.show();
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Maillage: the renderer failed to load', error);
  });
  return window;
}
