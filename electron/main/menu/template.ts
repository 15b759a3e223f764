/**
 * The native menu as data. Pure, so both languages can be compared item by item in a test.
 * Standard actions use Electron roles (the OS wires undo, copy, zoom… to the focused page) with
 * our own labels, since role labels are English-only.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../bridge-contract';
import type { MenuStringTable } from './strings';

export interface MenuActions {
  readonly showAbout: () => void;
}

export interface MenuOptions {
  /** Reload and developer tools are for developers; a researcher reloading loses focus state. */
  readonly isDevelopment: boolean;
}

const separator = { type: 'separator' } as const satisfies MenuItemConstructorOptions;

export function buildMenuTemplate(
  language: Language,
  strings: MenuStringTable,
  actions: MenuActions,
  options: MenuOptions = { isDevelopment: false },
): MenuItemConstructorOptions[] {
  const s = strings[language];
  const developerItems: MenuItemConstructorOptions[] = options.isDevelopment
    ? [{ role: 'reload', label: s.reload }, { role: 'toggleDevTools', label: s.toggleDevTools }, separator]
    : [];

  return [
    { label: s.file, submenu: [{ role: 'quit', label: s.quit }] },
    {
      label: s.edit,
      submenu: [
        { role: 'undo', label: s.undo },
        { role: 'redo', label: s.redo },
        separator,
        { role: 'cut', label: s.cut },
        { role: 'copy', label: s.copy },
        { role: 'paste', label: s.paste },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    {
      label: s.view,
      submenu: [
        ...developerItems,
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
        separator,
        { role: 'togglefullscreen', label: s.toggleFullScreen },
      ],
    },
    {
      label: s.help,
      submenu: [
        {
          label: s.about,
          click: () => {
            actions.showAbout();
          },
        },
      ],
    },
  ];
}
