/**
 * Installs the native menu and rebuilds it when the renderer changes language. The About item
 * shows a message box rather than `app.showAboutPanel()`, whose text cannot be translated on
 * every platform.
 */
import { app, BrowserWindow, dialog, Menu, type MessageBoxOptions } from 'electron';
import type { Language } from '../../bridge-contract';
import { menuStrings } from './strings';
import { buildMenuTemplate } from './template';

function showAbout(language: Language): void {
  const strings = menuStrings[language];
  const options: MessageBoxOptions = {
    type: 'info',
    title: strings.about,
    message: 'Maillage',
    detail: strings.aboutDetail.replace('{version}', app.getVersion()),
    buttons: [strings.ok],
  };
  const window = BrowserWindow.getFocusedWindow();
  const shown = window === null ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options);
  shown.catch((error: unknown) => {
    console.error('Maillage: the About dialog failed', error);
  });
}

/** Sets (or replaces) the application menu in `language`. */
export function applyApplicationMenu(language: Language, isDevelopment: boolean): void {
  const template = buildMenuTemplate(language, menuStrings, { showAbout: () => { showAbout(language); } }, { isDevelopment });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
