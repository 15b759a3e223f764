/**
 * Everything that can be wrong with a bundle a researcher hands to Maillage, as values, each with
 * a sentence in French and English that says what is wrong with the file. Where the JSON parser
 * or the schema gives the detail (in English), it follows as a technical detail, said to be one.
 */
import type { Language } from '../../shared/language';

export type BundleError =
  | { readonly code: 'not-a-zip' }
  | { readonly code: 'truncated' }
  | { readonly code: 'unsafe-path'; readonly path: string }
  | { readonly code: 'too-large'; readonly limitBytes: number }
  | { readonly code: 'missing-entry'; readonly path: string }
  | { readonly code: 'checksum-mismatch'; readonly path: string }
  | { readonly code: 'invalid-utf8'; readonly path: string }
  | { readonly code: 'invalid-json'; readonly path: string; readonly detail: string }
  | { readonly code: 'too-deep'; readonly path: string; readonly limit: number }
  | { readonly code: 'forbidden-key'; readonly path: string; readonly key: string }
  | { readonly code: 'not-a-bundle' }
  | { readonly code: 'newer-major'; readonly found: string; readonly supported: string }
  | { readonly code: 'invalid-record'; readonly path: string; readonly detail: string }
  | { readonly code: 'duplicate-id'; readonly id: string }
  | { readonly code: 'unknown-kind'; readonly kind: string }
  | { readonly code: 'from-the-future'; readonly stamp: string; readonly minutesAhead: number };

type Describe = { readonly [C in BundleError['code']]: (e: Extract<BundleError, { code: C }>) => string };

const fr: Describe = {
  'not-a-zip': () => 'ce fichier n’est pas un lot Maillage (ce n’est pas une archive zip).',
  truncated: () => 'le fichier est incomplet ou abîmé (copie interrompue ?).',
  'unsafe-path': (e) => `le lot contient un chemin dangereux (${e.path}) : il est refusé.`,
  'too-large': (e) => `le contenu décompressé dépasse ${Math.round(e.limitBytes / 1_048_576)} Mo : le fichier est refusé (bombe zip ?).`,
  'missing-entry': (e) => `il manque l’élément ${e.path}.`,
  'checksum-mismatch': (e) => `l’élément ${e.path} a été modifié ou abîmé (somme de contrôle différente).`,
  'invalid-utf8': (e) => `l’élément ${e.path} n’est pas du texte UTF-8 valide.`,
  'invalid-json': (e) => `l’élément ${e.path} n’est pas du JSON valide (détail technique, en anglais : ${e.detail}).`,
  'too-deep': (e) => `l’élément ${e.path} est imbriqué sur plus de ${e.limit} niveaux : il est refusé.`,
  'forbidden-key': (e) => `l’élément ${e.path} contient la clé interdite « ${e.key} ».`,
  'not-a-bundle': () => 'ce fichier n’est pas un lot Maillage (son manifeste est absent ou d’un autre format).',
  'newer-major': (e) => `ce lot est au format ${e.found}, plus récent que celui que cette version de Maillage sait lire (${e.supported}). Mettez Maillage à jour.`,
  'invalid-record': (e) => `un enregistrement de ${e.path} est invalide (détail technique, en anglais : ${e.detail}).`,
  'duplicate-id': (e) => `l’identifiant ${e.id} apparaît deux fois dans le lot.`,
  'unknown-kind': (e) => `le lot contient des enregistrements d’un type inconnu (« ${e.kind} »).`,
  'from-the-future': (e) => `ce lot porte des dates ${e.minutesAhead} minutes dans le futur : l’horloge de l’ordinateur qui l’a écrit est sans doute fausse. Il est mis de côté, pas fusionné.`,
};

const en: Describe = {
  'not-a-zip': () => 'this file is not a Maillage bundle (it is not a zip archive).',
  truncated: () => 'the file is incomplete or damaged (an interrupted copy?).',
  'unsafe-path': (e) => `the bundle contains a dangerous path (${e.path}): it is refused.`,
  'too-large': (e) => `its uncompressed content exceeds ${Math.round(e.limitBytes / 1_048_576)} MB: the file is refused (a zip bomb?).`,
  'missing-entry': (e) => `the entry ${e.path} is missing.`,
  'checksum-mismatch': (e) => `the entry ${e.path} was changed or damaged (its checksum differs).`,
  'invalid-utf8': (e) => `the entry ${e.path} is not valid UTF-8 text.`,
  'invalid-json': (e) => `the entry ${e.path} is not valid JSON (technical detail: ${e.detail}).`,
  'too-deep': (e) => `the entry ${e.path} is nested more than ${e.limit} levels deep: it is refused.`,
  'forbidden-key': (e) => `the entry ${e.path} contains the forbidden key "${e.key}".`,
  'not-a-bundle': () => 'this file is not a Maillage bundle (its manifest is missing or of another format).',
  'newer-major': (e) => `this bundle uses format ${e.found}, newer than this version of Maillage can read (${e.supported}). Update Maillage.`,
  'invalid-record': (e) => `a record in ${e.path} is invalid (technical detail: ${e.detail}).`,
  'duplicate-id': (e) => `the id ${e.id} appears twice in the bundle.`,
  'unknown-kind': (e) => `the bundle contains records of an unknown kind ("${e.kind}").`,
  'from-the-future': (e) => `this bundle carries dates ${e.minutesAhead} minutes in the future: the clock of the computer that wrote it is probably wrong. It is put aside, not merged.`,
};

export function describeBundleError(error: BundleError, language: Language): string {
  const table = language === 'fr' ? fr : en;
  return (table[error.code] as (e: BundleError) => string)(error);
}
