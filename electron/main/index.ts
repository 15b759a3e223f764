/**
 * Electron main: the app's lifecycle, and nothing else. Each policy lives in its own module
 * (security/, ipc/, menu/, windows/); this file decides only *when* each one is applied:
 *   before ready  — the `app` scheme's privileges, the sandbox for every renderer, and the
 *                   navigation guard for every WebContents that will ever exist;
 *   on ready      — permissions, protocol, IPC (with the shared-folder watcher, stopped at
 *                   quit), menu, then the window.
 * A second launch focuses the running window instead of opening a second copy on the same data.
 */
import path from 'node:path';
import { app, ipcMain, protocol, session, shell, type BrowserWindow } from 'electron';
import type { Language } from '../bridge-contract';
import { createHandlers, registerHandlers } from './ipc/register';
import { createSyncHandlers } from './ipc/sync';
import { applyApplicationMenu } from './menu/application-menu';
import { languageFromLocale } from './menu/strings';
import { hardenWebContents } from './security/navigation';
import { APP_SCHEME } from './security/origin';
import { denyAllPermissions } from './security/permissions';
import { registerAppProtocol } from './security/protocol';
import { createMainWindow } from './windows/main-window';

// The bundle is dist/electron/main.cjs (CommonJS, so __dirname exists); the renderer build sits
// beside it in dist/renderer, the preload in dist/electron/preload.cjs.
const rendererRoot = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, 'preload.cjs');
const isDevelopment = !app.isPackaged;

let mainWindow: BrowserWindow | null = null;

/** Called by the navigation guard only with URLs that passed isAllowedExternalUrl. */
function openExternal(url: string): void {
  shell.openExternal(url).catch((error: unknown) => { // eng-disable OPEN_EXTERNAL_JS_CHECK -- only allowlisted https URLs reach here (security/navigation.ts)
    console.error('Maillage: could not open an external link', error);
  });
}

function showMainWindow(): void {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(preloadPath);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function onReady(): void {
  denyAllPermissions(session.defaultSession);
  registerAppProtocol(protocol, rendererRoot);
  const applyLanguage = (language: Language): void => {
    applyApplicationMenu(language, isDevelopment);
  };
  const sync = createSyncHandlers();
  app.on('will-quit', sync.stop);
  registerHandlers(ipcMain, createHandlers({ applyLanguage, sync }));
  applyLanguage(languageFromLocale(app.getLocale()));
  showMainWindow();
}

// Privileges are fixed when a scheme is registered, which Electron allows only before 'ready'.
// standard: real origin and relative URLs; secure: counts as a secure context (IndexedDB,
// crypto.subtle); supportFetchAPI: the renderer may fetch its own assets.
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
// Belt and braces: every renderer is sandboxed even if some future window forgets the option.
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', showMainWindow);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, openExternal);
  });
  // macOS keeps apps alive without windows and reopens one from the dock.
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', showMainWindow);
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      console.error('Maillage: Electron failed to start', error);
      app.exit(1);
    });
}
