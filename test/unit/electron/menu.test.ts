import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { applyApplicationMenu } from '../../../electron/main/menu/application-menu';
import { languageFromLocale, menuStrings } from '../../../electron/main/menu/strings';
import { buildMenuTemplate } from '../../../electron/main/menu/template';
import { electronFake } from './fakes';

vi.mock('electron', async () => (await import('./fakes')).electronFake);

const noActions = { showAbout: () => undefined };
// Our click handlers ignore Electron's (menuItem, window, event) arguments, which need a live app.
const noClickArgs = [] as unknown as Parameters<NonNullable<MenuItemConstructorOptions['click']>>;

/** The menu's shape without its words: roles, types and nesting. */
function structure(items: readonly MenuItemConstructorOptions[]): unknown[] {
  return items.map((item) => ({
    role: item.role,
    type: item.type,
    hasClick: item.click !== undefined,
    submenu: Array.isArray(item.submenu) ? structure(item.submenu) : undefined,
  }));
}

function labels(items: readonly MenuItemConstructorOptions[]): (string | undefined)[] {
  return items.flatMap((item) => [
    ...(item.type === 'separator' ? [] : [item.label]),
    ...(Array.isArray(item.submenu) ? labels(item.submenu) : []),
  ]);
}

function roles(items: readonly MenuItemConstructorOptions[]): string[] {
  return items.flatMap((item) => [
    ...(item.role === undefined ? [] : [item.role]),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('menu strings', () => {
  it('have the same keys in French and English, none empty', () => {
    expect(Object.keys(menuStrings.fr).sort()).toEqual(Object.keys(menuStrings.en).sort());
    for (const table of [menuStrings.fr, menuStrings.en]) {
      const entries: [string, string][] = Object.entries({ ...table });
      for (const [key, text] of entries) expect(text.trim(), key).not.toBe('');
    }
  });

  it.each([
    ['en-US', 'en'],
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr-FR', 'fr'],
    ['fr', 'fr'],
    ['de-DE', 'fr'],
    ['', 'fr'],
    ['eng', 'fr'],
  ])('start in the right language for locale %j', (locale, language) => {
    expect(languageFromLocale(locale)).toBe(language);
  });
});

describe('buildMenuTemplate', () => {
  for (const isDevelopment of [false, true]) {
    it(`has the same structure in both languages (development: ${isDevelopment})`, () => {
      const fr = buildMenuTemplate('fr', menuStrings, noActions, { isDevelopment });
      const en = buildMenuTemplate('en', menuStrings, noActions, { isDevelopment });
      expect(structure(fr)).toEqual(structure(en));
      expect(labels(fr)).toHaveLength(labels(en).length);
      for (const label of [...labels(fr), ...labels(en)]) expect(label?.trim()).toBeTruthy();
    });
  }

  it('speaks the requested language', () => {
    expect(buildMenuTemplate('fr', menuStrings, noActions).map((item) => item.label)).toEqual([
      'Fichier',
      'Édition',
      'Affichage',
      'Aide',
    ]);
    expect(buildMenuTemplate('en', menuStrings, noActions).map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Help']);
  });

  it('offers quit, the edit roles, zoom and full screen', () => {
    expect(roles(buildMenuTemplate('en', menuStrings, noActions))).toEqual([
      'quit',
      'undo',
      'redo',
      'cut',
      'copy',
      'paste',
      'selectAll',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'togglefullscreen',
    ]);
  });

  it('offers reload and developer tools only in development', () => {
    expect(roles(buildMenuTemplate('en', menuStrings, noActions))).not.toContain('reload');
    expect(roles(buildMenuTemplate('en', menuStrings, noActions, { isDevelopment: false }))).not.toContain('toggleDevTools');
    expect(roles(buildMenuTemplate('en', menuStrings, noActions, { isDevelopment: true }))).toEqual(
      expect.arrayContaining(['reload', 'toggleDevTools']),
    );
  });

  it('shows the About box from Help', () => {
    const showAbout = vi.fn();
    const help = buildMenuTemplate('fr', menuStrings, { showAbout }).at(-1);
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    expect(about?.label).toBe('À propos de Maillage');
    about?.click?.(...noClickArgs);
    expect(showAbout).toHaveBeenCalledOnce();
  });
});

describe('applyApplicationMenu', () => {
  it('installs the menu, whose About box shows the version in the menu language', () => {
    applyApplicationMenu('en', false);
    expect(electronFake.Menu.setApplicationMenu).toHaveBeenCalledOnce();
    const [[template]] = electronFake.Menu.buildFromTemplate.mock.calls as unknown as [[MenuItemConstructorOptions[]]];
    const help = template.at(-1);
    const about = Array.isArray(help?.submenu) ? help.submenu[0] : undefined;
    about?.click?.(...noClickArgs);
    expect(electronFake.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ title: 'About Maillage', message: 'Maillage', detail: expect.stringContaining('Version 0.1.0') as unknown }),
    );
  });
});
