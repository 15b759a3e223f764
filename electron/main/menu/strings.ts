/**
 * The native menu's words, FR and EN. The renderer's strings live in i18next; these few are
 * here because main has no i18next and the menu must exist before the renderer loads. Typing
 * the table `Record<Language, MenuStrings>` makes a missing or extra key a compile error, and a
 * test checks that none is empty.
 */
import type { Language } from '../../bridge-contract';

export interface MenuStrings {
  readonly file: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly reload: string;
  readonly toggleDevTools: string;
  readonly resetZoom: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly toggleFullScreen: string;
  readonly help: string;
  readonly about: string;
  /** `{version}` is replaced with the app's version. */
  readonly aboutDetail: string;
  readonly ok: string;
}

export type MenuStringTable = Readonly<Record<Language, MenuStrings>>;

export const menuStrings: MenuStringTable = {
  fr: {
    file: 'Fichier',
    quit: 'Quitter',
    edit: 'Édition',
    undo: 'Annuler',
    redo: 'Rétablir',
    cut: 'Couper',
    copy: 'Copier',
    paste: 'Coller',
    selectAll: 'Tout sélectionner',
    view: 'Affichage',
    reload: 'Recharger',
    toggleDevTools: 'Outils de développement',
    resetZoom: 'Taille réelle',
    zoomIn: 'Zoom avant',
    zoomOut: 'Zoom arrière',
    toggleFullScreen: 'Plein écran',
    help: 'Aide',
    about: 'À propos de Maillage',
    aboutDetail: 'Version {version}\nEntretiens hors ligne sur la coopération entre petites entreprises.',
    ok: 'OK',
  },
  en: {
    file: 'File',
    quit: 'Quit',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    toggleDevTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    toggleFullScreen: 'Full Screen',
    help: 'Help',
    about: 'About Maillage',
    aboutDetail: 'Version {version}\nOffline interviews on cooperation between small firms.',
    ok: 'OK',
  },
};

/** The menu's language before the renderer says otherwise: English locales get English. */
export function languageFromLocale(locale: string): Language {
  return /^en\b/i.test(locale) ? 'en' : 'fr';
}
