/**
 * Language policy of the CLI. `--lang fr|en` wins; otherwise the POSIX locale variables are read
 * in their order of precedence (LC_ALL, then LC_MESSAGES, then LANG; the first non-empty one
 * decides): `fr…` gives French, `en…` English, anything else (C, POSIX, de_DE…) English, because
 * a coordinator's terminal without a French locale is more likely to read English than French.
 */
import { en, fr, type MessageKey, type Messages } from './messages';

export const languages = ['en', 'fr'] as const;
export type Lang = (typeof languages)[number];

export type Env = Readonly<Record<string, string | undefined>>;

export const catalogues: Readonly<Record<Lang, Messages>> = { en, fr };

export function isLang(value: string): value is Lang {
  return (languages as readonly string[]).includes(value);
}

export function langFromEnv(env: Env): Lang {
  const locale = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']].find((v) => v !== undefined && v !== '');
  if (locale?.toLowerCase().startsWith('fr') === true) return 'fr';
  return 'en';
}

export type Translate = (key: MessageKey, vars?: Readonly<Record<string, string>>) => string;

/** A translator for one language; `{name}` placeholders are replaced by `vars.name`. */
export function translator(lang: Lang): Translate {
  const messages = catalogues[lang];
  return (key, vars = {}) =>
    messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
}
