/**
 * The app's own codes that exports write (Likert points, statuses, roles, languages) with their
 * labels in French and English. Forms bring the labels of their own choices; these are the ones
 * the app defines for every form.
 */
import type { Text } from '../forms/schema';
import type { CodeLabel } from './types';

/** The Likert-5 scale as INSTRUMENT.md defines it; points 2–4 have no words. */
export const likertCodeLabels: readonly CodeLabel[] = [
  { code: '1', label: { fr: 'Pas du tout', en: 'Not at all' } },
  { code: '2', label: { fr: '2', en: '2' } },
  { code: '3', label: { fr: '3', en: '3' } },
  { code: '4', label: { fr: '4', en: '4' } },
  { code: '5', label: { fr: 'Tout à fait', en: 'Completely' } },
  { code: 'dk', label: { fr: 'Ne sait pas', en: 'Don’t know' } },
  { code: 'refused', label: { fr: 'Refus', en: 'Refused' } },
];

export const statusCodeLabels: readonly CodeLabel[] = [
  { code: 'draft', label: { fr: 'Brouillon', en: 'Draft' } },
  { code: 'complete', label: { fr: 'Terminé', en: 'Complete' } },
  { code: 'validated', label: { fr: 'Validé', en: 'Validated' } },
];

export const roleCodeLabels: readonly CodeLabel[] = [
  { code: 'founder', label: { fr: 'Fondateur ou fondatrice', en: 'Founder' } },
  { code: 'heir', label: { fr: 'Héritier ou héritière', en: 'Heir' } },
  { code: 'hired-manager', label: { fr: 'Dirigeant·e salarié·e', en: 'Hired manager' } },
  { code: 'other', label: { fr: 'Autre', en: 'Other' } },
];

/** The language a narrative answer was given in. */
export const answerLanguageCodeLabels: readonly CodeLabel[] = [
  { code: 'fr', label: { fr: 'Français', en: 'French' } },
  { code: 'en', label: { fr: 'Anglais', en: 'English' } },
  { code: 'other', label: { fr: 'Autre langue', en: 'Other language' } },
];

export const indicatorCodeLabels: readonly CodeLabel[] = [
  { code: '1', label: { fr: 'choisi', en: 'chosen' } },
  { code: '0', label: { fr: 'non choisi', en: 'not chosen' } },
];

/** Labels of the columns every main table starts with. */
export const coverLabels = {
  interview_id: { fr: 'Identifiant de l’entretien', en: 'Interview id' },
  form_id: { fr: 'Formulaire', en: 'Form' },
  form_version: { fr: 'Version du formulaire', en: 'Form version' },
  status: { fr: 'Statut', en: 'Status' },
  respondent_name: { fr: 'Personne interrogée', en: 'Respondent' },
  respondent_role: { fr: 'Rôle de la personne interrogée', en: 'Respondent’s role' },
  firm_name: { fr: 'Entreprise', en: 'Firm' },
  network_name: { fr: 'Réseau', en: 'Network' },
  commune: { fr: 'Commune', en: 'Commune' },
  territory: { fr: 'Territoire', en: 'Territory' },
  interviewer: { fr: 'Enquêteur ou enquêtrice', en: 'Interviewer' },
  interview_date: { fr: 'Date de l’entretien', en: 'Interview date' },
  item_id: { fr: 'Identifiant de l’élément', en: 'Item id' },
  item_index: { fr: 'Rang de l’élément (1, 2…)', en: 'Item number (1, 2…)' },
} as const satisfies Record<string, Text>;

/** The label of a code in one language; an unknown code is written as it is. */
export function labelOf(codes: readonly CodeLabel[] | undefined, code: string, lang: 'fr' | 'en'): string {
  return codes?.find((c) => c.code === code)?.label[lang] ?? code;
}
