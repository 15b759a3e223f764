/**
 * `maillage merge <a> <b> [<c>…] -o <out>`: merges researchers' bundles into one, in the order
 * given (the result is the same in any order: merging is commutative and associative). Every
 * input is checked as the app checks an import; if one cannot be used, nothing is written. With
 * SOURCE_DATE_EPOCH set, the same inputs give the same bytes, whatever their order.
 */
import { mergeDatasets, previewMerge, type Dataset } from '../../core/exchange/bundle/dataset';
import { writeBundle, type BundleOrigin } from '../../core/exchange/bundle/write-bundle';
import { isInConflict } from '../../core/exchange/register';
import { datasetCounts } from '../bundles/counts';
import { loadBundleFile } from '../bundles/load-bundle';
import { peakMemoryMb } from '../bundles/peak-memory';
import { nodeSha256 } from '../bundles/node-sha256';
import { bundleTime } from '../bundles/source-date';
import { ExitCode } from '../exit-codes';
import { describeWriteError } from '../files/file-messages';
import { writeFileAtomic } from '../files/write-atomic';
import type { Command, CommandContext } from './command';

const sizes = (d: Dataset) => ({ interviews: d.interviews.size, tombstones: d.tombstones.size, forms: d.forms.size });

/** Interviews with at least one field in conflict (one pass, no copies: it runs over every field). */
function conflictCount(dataset: Dataset): number {
  let count = 0;
  for (const { fields } of dataset.interviews.values()) {
    for (const path in fields) {
      if (isInConflict(fields[path] ?? [])) {
        count += 1;
        break;
      }
    }
  }
  return count;
}

/** Reads and merges in order; the report lines wait until every input has been read. */
async function mergeInputs(context: CommandContext, files: readonly string[]): Promise<{ merged: Dataset; report: string[] } | null> {
  const { io, t, lang } = context;
  const now = new Date();
  const report: string[] = [];
  let merged: Dataset | null = null;
  let failures = 0;
  for (const file of files) {
    const loaded = await loadBundleFile(t, lang, file, now);
    if (!loaded.ok) {
      failures += 1;
      if (loaded.error.isUnreadable) io.stderr(`${loaded.error.line}\n`);
      else io.stdout(`${loaded.error.line}\n`);
      continue;
    }
    if (failures > 0) continue;
    const incoming = loaded.value.dataset;
    if (merged === null) {
      report.push(t('merge.first', { file, ...datasetCounts(t, lang, sizes(incoming)) }));
      merged = incoming;
      continue;
    }
    const preview = previewMerge(merged, incoming).interviews;
    report.push(t('merge.step', {
      file, new: String(preview.new), updated: String(preview.updated), unchanged: String(preview.unchanged),
      conflicts: String(preview.conflicts), deleted: String(preview.deleted),
    }));
    merged = mergeDatasets(merged, incoming);
  }
  if (failures > 0 || merged === null) {
    io.stderr(`${t('merge.nothingWritten', { count: String(failures), total: String(files.length) })}\n`);
    return null;
  }
  return { merged, report };
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: {
    en: 'Merge researchers’ bundles into one bundle, keeping every change and every conflict',
    fr: 'Fusionner les lots des chercheur·es en un seul, sans perdre ni modification ni conflit',
  },
  usage: {
    en: [
      'maillage merge <a.maillage> <b.maillage> [<c.maillage>…] -o <merged.maillage>',
      '',
      '  -o, --output <file>   the merged bundle (written only if every input can be used)',
      '',
      'For each bundle after the first, prints what it brings: new, updated and unchanged',
      'interviews, new conflicts and deletions; then the totals and the peak memory used.',
      'The order of the inputs does not change the result. SOURCE_DATE_EPOCH (seconds) fixes',
      'the time written in the bundle, for byte-identical results.',
    ].join('\n'),
    fr: [
      'maillage merge <a.maillage> <b.maillage> [<c.maillage>…] -o <fusion.maillage>',
      '',
      '  -o, --output <fichier>   le lot fusionné (écrit seulement si tous les lots sont utilisables)',
      '',
      'Pour chaque lot après le premier, affiche ce qu’il apporte\u00a0: entretiens nouveaux, modifiés,',
      'inchangés, nouveaux conflits et suppressions\u00a0; puis les totaux et la mémoire maximale utilisée.',
      'L’ordre des lots ne change pas le résultat. SOURCE_DATE_EPOCH (en secondes) fixe la date écrite',
      'dans le lot, pour des résultats identiques à l’octet près.',
    ].join('\n'),
  },
  options: { output: { type: 'string', short: 'o' } },
  async run(context) {
    const { io, t, lang, args } = context;
    const output = context.values['output'];
    if (args.length < 2) {
      io.stderr(`${t('merge.missingFiles')}\n`);
      return ExitCode.usage;
    }
    if (typeof output !== 'string' || output === '') {
      io.stderr(`${t('merge.missingOutput')}\n`);
      return ExitCode.usage;
    }
    const time = bundleTime(io.env);
    if (!time.ok) {
      io.stderr(`${t('bundle.sourceDate', { value: time.error.value })}\n`);
      return ExitCode.usage;
    }
    const result = await mergeInputs(context, args);
    if (!result) return ExitCode.problems;
    const origin: BundleOrigin = { device: { id: 'merge', name: 'maillage merge' }, researcher: '', time: time.value };
    const written = await writeFileAtomic(output, writeBundle(result.merged, origin, nodeSha256));
    if (!written.ok) {
      io.stderr(`${describeWriteError(t, output, written.error)}\n`);
      return ExitCode.problems;
    }
    const totals = { output, ...datasetCounts(t, lang, sizes(result.merged)), conflicts: String(conflictCount(result.merged)) };
    io.stdout(`${[...result.report, t('merge.result', totals), t('merge.memory', { mb: String(peakMemoryMb()) })].join('\n')}\n`);
    return ExitCode.ok;
  },
};
