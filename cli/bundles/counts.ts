/** "1 interview", "2 interviews", « 0 entretien », « 2 entretiens »: French keeps 0 and 1 singular. */
import type { Lang, Translate } from '../i18n';

export type Counted = 'interviews' | 'tombstones' | 'forms';

const keys = {
  interviews: ['count.interviews.one', 'count.interviews.other'],
  tombstones: ['count.tombstones.one', 'count.tombstones.other'],
  forms: ['count.forms.one', 'count.forms.other'],
} as const satisfies Record<Counted, readonly [string, string]>;

export function counted(t: Translate, lang: Lang, what: Counted, count: number): string {
  const isOne = lang === 'fr' ? count < 2 : count === 1;
  return t(keys[what][isOne ? 0 : 1], { count: String(count) });
}

/** Interviews, tombstones and forms of a dataset, as one phrase. */
export function datasetCounts(t: Translate, lang: Lang, sizes: { readonly interviews: number; readonly tombstones: number; readonly forms: number }): Record<Counted, string> {
  return {
    interviews: counted(t, lang, 'interviews', sizes.interviews),
    tombstones: counted(t, lang, 'tombstones', sizes.tombstones),
    forms: counted(t, lang, 'forms', sizes.forms),
  };
}
