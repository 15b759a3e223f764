/**
 * `maillage merge <a> <b> [<c>…] -o <out>`: merges researchers' bundles into one, in the order
 * given (the result is the same in any order: merging is commutative and associative). Every
 * input is checked as the app checks an import; if one cannot be used, nothing is written. With
 * SOURCE_DATE_EPOCH set, the same inputs give the same bytes, whatever their order.
 */
import { describeBundleError, type BundleError } from '../../core/exchange/bundle/errors';
import type { IndexedBundle } from '../../core/exchange/bundle/read-bundle';
import type { BundleOrigin } from '../../core/exchange/bundle/write-bundle';
import type { Result } from '../../core/shared/result';
import { datasetCounts } from '../bundles/counts';
import { indexHere } from '../bundles/index-readers';
import { bundlePartsOf, conflictCountOf, lineDatasetOf, mergeLines, type LineDataset } from '../bundles/line-merge';
import { peakMemoryMb } from '../bundles/peak-memory';
import { writeBundleFast } from '../bundles/write-bundle-fast';
import { bundleTime } from '../bundles/source-date';
import { ExitCode } from '../exit-codes';
import { describeReadError, describeWriteError } from '../files/file-messages';
import { readBinaryFile } from '../files/read-binary-file';
import { writeFileAtomic } from '../files/write-atomic';
import type { Command, CommandContext } from './command';

const sizes = (d: LineDataset) => ({ interviews: d.interviews.size, tombstones: d.tombstones.size, forms: d.forms.size });

type Read = { readonly ok: false; readonly unreadable: string } | Result<IndexedBundle, BundleError>;

/** Every input read and checked — at once on every core where the CLI can — in the order given. */
async function readInputs(context: CommandContext, files: readonly string[]): Promise<Read[]> {
  const { io, t } = context;
  const indexAll = io.indexBundles ?? indexHere;
  const now = new Date();
  const bytes = await Promise.all(files.map((file) => readBinaryFile(file)));
  const readable: Uint8Array[] = [];
  for (const read of bytes) if (read.ok) readable.push(read.value);
  const indexed = await indexAll(readable, now);
  let next = 0;
  return bytes.map((read, i): Read => {
    if (!read.ok) return { ok: false, unreadable: describeReadError(t, files[i] ?? '', read.error) };
    return indexed[next++] ?? { ok: false, unreadable: '' };
  });
}

/** Merges in order; the report lines wait until every input has been read. */
async function mergeInputs(context: CommandContext, files: readonly string[]): Promise<{ merged: LineDataset; report: string[] } | null> {
  const { io, t, lang } = context;
  const reads = await readInputs(context, files);
  const report: string[] = [];
  let merged: LineDataset | null = null;
  let failures = 0;
  for (const [i, read] of reads.entries()) {
    const file = files[i] ?? '';
    if (!read.ok) {
      failures += 1;
      if ('unreadable' in read) io.stderr(`${read.unreadable}\n`);
      else io.stdout(`${t('bundle.invalid', { file, reason: describeBundleError(read.error, lang) })}\n`);
      continue;
    }
    if (failures > 0) continue;
    const incoming = lineDatasetOf(read.value);
    if (merged === null) {
      report.push(t('merge.first', { file, ...datasetCounts(t, lang, sizes(incoming)) }));
      merged = incoming;
      continue;
    }
    const step = mergeLines(merged, incoming);
    const preview = step.preview;
    report.push(t('merge.step', {
      file, new: String(preview.new), updated: String(preview.updated), unchanged: String(preview.unchanged),
      conflicts: String(preview.conflicts), deleted: String(preview.deleted),
    }));
    merged = step.merged;
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
    const written = await writeFileAtomic(output, await writeBundleFast(bundlePartsOf(result.merged), origin));
    if (!written.ok) {
      io.stderr(`${describeWriteError(t, output, written.error)}\n`);
      return ExitCode.problems;
    }
    const totals = { output, ...datasetCounts(t, lang, sizes(result.merged)), conflicts: String(conflictCountOf(result.merged)) };
    io.stdout(`${[...result.report, t('merge.result', totals), t('merge.memory', { mb: String(peakMemoryMb()) })].join('\n')}\n`);
    return ExitCode.ok;
  },
};
