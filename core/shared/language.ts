/** The languages of the interface, the forms and the reports. French comes first: it is the users' language. */
export const languages = ['fr', 'en'] as const;
export type Language = (typeof languages)[number];

export const isLanguage = (value: unknown): value is Language => value === 'fr' || value === 'en';

/**
 * The first of the user's preferred languages (BCP 47 tags, most preferred first) that Maillage
 * speaks; French when none is French or English.
 */
export function pickLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split(/[-_]/)[0];
    if (isLanguage(primary)) return primary;
  }
  return 'fr';
}
