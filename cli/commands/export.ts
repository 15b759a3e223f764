/**
 * `maillage export <bundle> --format csv|xlsx|dictionary -o <folder|file>`: the bundle's
 * interviews as tables for R, Stata, SPSS or Excel, with their data dictionary; pseudonymised
 * unless `--identified` is given (see docs/exports.md).
 */
import { labelModes, type LabelMode } from '../../core/exports/types';
import { ExitCode } from '../exit-codes';
import { runExport, type ExportFormat } from '../exports/run-export';
import type { Command } from './command';

const formats = ['csv', 'xlsx', 'dictionary'] as const satisfies readonly ExportFormat[];

const isFormat = (value: string): value is ExportFormat => (formats as readonly string[]).includes(value);
const isLabelMode = (value: string): value is LabelMode => (labelModes as readonly string[]).includes(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export const exportCommand: Command = {
  name: 'export',
  summary: {
    en: 'Export a bundle’s interviews as CSV or XLSX tables with a data dictionary (pseudonymised by default)',
    fr: 'Exporter les entretiens d’un lot en tableaux CSV ou XLSX avec un dictionnaire des données (pseudonymisés par défaut)',
  },
  usage: {
    en: [
      'maillage export <bundle.maillage> -o <folder|file> [--format csv|xlsx|dictionary] [--labels codes|fr|en]',
      '                [--identified] [--bom] [--secret-file <path>]',
      '',
      '  -o, --output <path>   folder for the files (created if needed), or one .xlsx/.csv file name',
      '  --format <format>     csv (default): one file per table, plus the dictionary;',
      '                        xlsx: one workbook per form version; dictionary: the dictionary only',
      '  --labels <mode>       codes (default), or the choices’ labels in fr or en',
      '  --identified          names and confidential answers in clear (logged; default: pseudonymised)',
      '  --bom                 start CSV files with a byte-order mark, for Excel',
      '  --secret-file <path>  the pseudonym secret (default: MAILLAGE_PSEUDONYM_SECRET, otherwise',
      '                        .maillage-secret beside the bundle, created on first use)',
      '',
      'Every export is logged in maillage-export-log.txt beside the bundle. See docs/exports.md.',
    ].join('\n'),
    fr: [
      'maillage export <lot.maillage> -o <dossier|fichier> [--format csv|xlsx|dictionary] [--labels codes|fr|en]',
      '                [--identified] [--bom] [--secret-file <chemin>]',
      '',
      '  -o, --output <chemin>   dossier des fichiers (créé s’il manque), ou un nom de fichier .xlsx/.csv',
      '  --format <format>       csv (par défaut)\u00a0: un fichier par tableau, plus le dictionnaire\u00a0;',
      '                          xlsx\u00a0: un classeur par version de formulaire\u00a0; dictionary\u00a0: le dictionnaire seul',
      '  --labels <mode>         codes (par défaut), ou les libellés des choix en fr ou en',
      '  --identified            noms et réponses confidentielles en clair (journalisé\u00a0; par défaut\u00a0: pseudonymisé)',
      '  --bom                   fichiers CSV précédés d’une marque d’ordre des octets, pour Excel',
      '  --secret-file <chemin>  le secret des pseudonymes (par défaut\u00a0: MAILLAGE_PSEUDONYM_SECRET, sinon',
      '                          .maillage-secret à côté du lot, créé à la première utilisation)',
      '',
      'Chaque export est inscrit dans maillage-export-log.txt à côté du lot. Voir docs/exports.md.',
    ].join('\n'),
  },
  options: {
    output: { type: 'string', short: 'o' },
    format: { type: 'string' },
    labels: { type: 'string' },
    identified: { type: 'boolean' },
    bom: { type: 'boolean' },
    'secret-file': { type: 'string' },
  },
  run(context) {
    const { args, values, io, t } = context;
    const [bundle, extra] = args;
    if (bundle === undefined) {
      io.stderr(`${t('export.missingBundle')}\n`);
      return ExitCode.usage;
    }
    if (extra !== undefined) {
      io.stderr(`${t('error.unexpectedArgument', { argument: extra })}\n`);
      return ExitCode.usage;
    }
    const output = text(values['output']);
    if (output === undefined || output === '') {
      io.stderr(`${t('export.missingOutput')}\n`);
      return ExitCode.usage;
    }
    const format = text(values['format']) ?? 'csv';
    if (!isFormat(format)) {
      io.stderr(`${t('export.invalidFormat', { format })}\n`);
      return ExitCode.usage;
    }
    const labels = text(values['labels']) ?? 'codes';
    if (!isLabelMode(labels)) {
      io.stderr(`${t('export.invalidLabels', { labels })}\n`);
      return ExitCode.usage;
    }
    return runExport(context, {
      bundle,
      output,
      format,
      labels,
      identified: values['identified'] === true,
      bom: values['bom'] === true,
      secretFile: text(values['secret-file']),
    });
  },
};
