/**
 * What can be wrong with a form file, as values with bilingual explanations. Every problem names
 * the question (or section) and the property it is about, so that a form author can fix it.
 */
import type { Language } from '../shared/language';

export type FormProblemCode =
  | 'not-json'
  | 'schema'
  | 'unknown-type'
  | 'duplicate-name'
  | 'duplicate-choice'
  | 'unknown-choice-list'
  | 'syntax'
  | 'unknown-function'
  | 'wrong-arity'
  | 'unknown-reference'
  | 'current-outside-constraint'
  | 'bare-name'
  | 'invalid-regex'
  | 'cycle'
  | 'consent-loop'
  | 'missing-translation'
  | 'consent';

export interface FormProblem {
  readonly code: FormProblemCode;
  /** The question (or matrix item) the problem is about, when there is one. */
  readonly question?: string;
  readonly section?: string;
  /** Which property: `relevant`, `constraint`, `label.en`, a JSON path for schema problems… */
  readonly property?: string;
  /** The name, function or value at fault, or the parser's own words. */
  readonly detail?: string;
}

type Template = (p: FormProblem) => string;
const messages: Record<FormProblemCode, Record<Language, Template>> = {
  'not-json': { fr: (p) => `le fichier n’est pas du JSON valide (${p.detail ?? ''})`, en: (p) => `the file is not valid JSON (${p.detail ?? ''})` },
  schema: { fr: (p) => `${p.property ?? ''} : ${p.detail ?? 'valeur invalide'}`, en: (p) => `${p.property ?? ''}: ${p.detail ?? 'invalid value'}` },
  'unknown-type': { fr: (p) => `type de question inconnu « ${p.detail ?? ''} »`, en: (p) => `unknown question type "${p.detail ?? ''}"` },
  'duplicate-name': { fr: (p) => `le nom « ${p.detail ?? ''} » est utilisé plusieurs fois`, en: (p) => `the name "${p.detail ?? ''}" is used more than once` },
  'duplicate-choice': { fr: (p) => `le choix « ${p.detail ?? ''} » apparaît deux fois dans la liste`, en: (p) => `the choice "${p.detail ?? ''}" appears twice in the list` },
  'unknown-choice-list': { fr: (p) => `liste de choix inconnue « ${p.detail ?? ''} »`, en: (p) => `unknown choice list "${p.detail ?? ''}"` },
  syntax: { fr: (p) => `erreur de syntaxe dans ${p.property ?? 'l’expression'} : ${p.detail ?? ''}`, en: (p) => `syntax error in ${p.property ?? 'the expression'}: ${p.detail ?? ''}` },
  'unknown-function': { fr: (p) => `fonction inconnue « ${p.detail ?? ''}() » dans ${p.property ?? ''}`, en: (p) => `unknown function "${p.detail ?? ''}()" in ${p.property ?? ''}` },
  'wrong-arity': { fr: (p) => `mauvais nombre d’arguments pour ${p.detail ?? ''} dans ${p.property ?? ''}`, en: (p) => `wrong number of arguments for ${p.detail ?? ''} in ${p.property ?? ''}` },
  'unknown-reference': { fr: (p) => `${p.property ?? ''} fait référence à une question inconnue \${${p.detail ?? ''}}`, en: (p) => `${p.property ?? ''} refers to an unknown question \${${p.detail ?? ''}}` },
  'current-outside-constraint': { fr: (p) => `« . » n’a de sens que dans une contrainte, pas dans ${p.property ?? ''}`, en: (p) => `"." only makes sense in a constraint, not in ${p.property ?? ''}` },
  'bare-name': { fr: (p) => `nom nu « ${p.detail ?? ''} » dans ${p.property ?? ''} : écrivez \${${p.detail ?? ''}} pour une question`, en: (p) => `bare name "${p.detail ?? ''}" in ${p.property ?? ''}: write \${${p.detail ?? ''}} for a question` },
  'invalid-regex': { fr: (p) => `expression régulière invalide dans ${p.property ?? ''} : ${p.detail ?? ''}`, en: (p) => `invalid regular expression in ${p.property ?? ''}: ${p.detail ?? ''}` },
  cycle: { fr: (p) => `calculs ou conditions en boucle : ${p.detail ?? ''}`, en: (p) => `calculations or conditions form a loop: ${p.detail ?? ''}` },
  'consent-loop': {
    fr: (p) => `le consentement dépend d’une réponse donnée après lui (${p.detail ?? ''}) : une question d’une section que le consentement verrouille ne peut pas décider si le consentement est demandé`,
    en: (p) => `consent depends on an answer given after it (${p.detail ?? ''}): a question in a section that consent locks cannot decide whether consent is asked`,
  },
  'missing-translation': { fr: (p) => `traduction manquante ou vide : ${p.property ?? ''}`, en: (p) => `missing or empty translation: ${p.property ?? ''}` },
  consent: { fr: (p) => `consentement mal déclaré : ${p.detail ?? ''}`, en: (p) => `consent is declared wrongly: ${p.detail ?? ''}` },
};

/** French typography: a no-break space inside « » and before : ; ? ! */
export function frenchSpacing(text: string): string {
  return text.replace(/« /g, '«\u00a0').replace(/ »/g, '\u00a0»').replace(/ ([:;?!])/g, '\u00a0$1');
}

/** One line: where, then what. */
export function describeFormProblem(problem: FormProblem, language: Language): string {
  const what = messages[problem.code][language](problem);
  if (language === 'fr') {
    const where = problem.question ? `question « ${problem.question} »` : problem.section ? `section « ${problem.section} »` : 'formulaire';
    return frenchSpacing(`${where} : ${what}`);
  }
  const where = problem.question ? `question "${problem.question}"` : problem.section ? `section "${problem.section}"` : 'form';
  return `${where}: ${what}`;
}
