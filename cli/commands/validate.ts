/**
 * `maillage validate <file.maillage>…`: reads each bundle exactly as the app imports it (zip
 * safety, manifest, version, checksums, JSON limits, records, clocks from the future) and says
 * what it holds, or why it cannot be used, one line per file. Exit 1 as soon as one fails.
 */
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { datasetCounts } from '../bundles/counts';
import { loadBundleFile } from '../bundles/load-bundle';
import type { Command, CommandContext } from './command';

/** `2026-11-28 10:00 UTC` from the manifest's ISO instant; anything else as written. */
export function exportDate(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?Z$/.exec(iso);
  return match ? `${match[1] ?? ''} ${match[2] ?? ''} UTC` : iso;
}

async function validateFile(context: CommandContext, file: string, now: Date): Promise<boolean> {
  const { io, t, lang } = context;
  const loaded = await loadBundleFile(t, lang, file, now);
  if (!loaded.ok) {
    if (loaded.error.isUnreadable) io.stderr(`${loaded.error.line}\n`);
    else io.stdout(`${loaded.error.line}\n`);
    return false;
  }
  const { manifest, dataset } = loaded.value;
  const { researcher } = manifest;
  const vars = {
    file,
    ...datasetCounts(t, lang, { interviews: dataset.interviews.size, tombstones: dataset.tombstones.size, forms: dataset.forms.size }),
    version: manifest.version,
    researcher,
    date: exportDate(manifest.exportedAt),
    device: manifest.device.name === '' ? manifest.device.id : `${manifest.device.name} (${manifest.device.id})`,
  };
  io.stdout(`${t(researcher.trim() === '' ? 'validate.okNoResearcher' : 'validate.ok', vars)}\n`);
  return true;
}

export const validateCommand: Command = {
  name: 'validate',
  summary: {
    en: 'Check bundles (.maillage) as the app would import them, and say what they hold',
    fr: 'Vérifier des lots (.maillage) comme l’application les importerait, et dire ce qu’ils contiennent',
  },
  usage: {
    en: [
      'maillage validate <file.maillage> [<file.maillage>…]',
      '',
      'For each file, prints "ok" with its interviews, tombstones and forms, the format version,',
      'who exported it, when and on which device; or why it cannot be used (damaged, modified,',
      'newer format, clocks in the future…). Exit code 1 if any file cannot be used.',
      'The format: docs/bundle-format.md.',
    ].join('\n'),
    fr: [
      'maillage validate <fichier.maillage> [<fichier.maillage>…]',
      '',
      'Pour chaque fichier, affiche «\u00a0valide\u00a0» avec ses entretiens, suppressions et formulaires, la',
      'version du format, qui l’a exporté, quand et sur quel appareil\u00a0; ou pourquoi il est inutilisable',
      '(abîmé, modifié, format plus récent, horloges dans le futur…). Code de sortie 1 si un fichier est',
      'inutilisable. Le format\u00a0: docs/bundle-format.md.',
    ].join('\n'),
  },
  async run(context) {
    const files = context.args;
    if (files.length === 0) {
      context.io.stderr(`${context.t('validate.missingFile')}\n`);
      return ExitCode.usage;
    }
    const now = new Date();
    let failed = 0;
    for (const file of files) if (!(await validateFile(context, file, now))) failed += 1;
    if (failed === 0) return ExitCode.ok;
    if (files.length > 1) context.io.stderr(`${context.t('validate.failed', { count: String(failed), total: String(files.length) })}\n`);
    return ExitCode.problems satisfies ExitCodeValue;
  },
};
