/**
 * `maillage demo`: writes a bundle of realistic synthetic interviews with the built-in
 * instrument (for trying the app, teaching, tests and benchmarks), or a second researcher's edit
 * of a bundle (`--edit-of`). Seeded, and dated from SOURCE_DATE_EPOCH when it is set, so the
 * same command gives the same bytes; otherwise the fieldwork ends a day or two before now.
 */
import { editDataset, editSpanDays } from '../../core/exchange/demo/edit-dataset';
import { demoCoordinator } from '../../core/exchange/demo/bank-people';
import { makeDemoDataset } from '../../core/exchange/demo/make-demo-dataset';
import type { Dataset } from '../../core/exchange/bundle/dataset';
import { writeBundle } from '../../core/exchange/bundle/write-bundle';
import { counted } from '../bundles/counts';
import { parseDemoOptions, demoOptions, type DemoRequest } from '../bundles/demo-options';
import { loadBundleFile } from '../bundles/load-bundle';
import { nodeDeflate } from '../bundles/node-codec';
import { nodeSha256 } from '../bundles/node-sha256';
import { bundleTime } from '../bundles/source-date';
import { ExitCode } from '../exit-codes';
import { describeWriteError } from '../files/file-messages';
import { writeFileAtomic } from '../files/write-atomic';
import { builtInForms } from '../forms/builtin-forms';
import type { Command, CommandContext } from './command';
import { rejectArguments } from './usage-error';

const dayMs = 86_400_000;
const formKey = 'spl-cooperation@1';
/** A new dataset's fieldwork starts this long before the bundle's time (it spans 90 days). */
const newFieldworkDays = 91;

function form() {
  const compiled = builtInForms().get(formKey);
  if (!compiled) throw new Error(`the built-in form ${formKey} is missing`);
  return compiled;
}

interface Made {
  readonly dataset: Dataset;
  readonly researcher: string;
  readonly line: string;
}

async function make(context: CommandContext, request: DemoRequest, time: Date): Promise<Made | null> {
  const { t, lang, io } = context;
  const common = { file: request.output, seed: String(request.seed), device: request.device };
  if (request.kind === 'new') {
    const dataset = makeDemoDataset({ interviews: request.interviews, seed: request.seed, form: form(), device: request.device, startTime: new Date(time.getTime() - newFieldworkDays * dayMs) });
    return { dataset, researcher: demoCoordinator, line: t('demo.wrote', { ...common, interviews: counted(t, lang, 'interviews', dataset.interviews.size) }) };
  }
  const loaded = await loadBundleFile(t, lang, request.source, new Date());
  if (!loaded.ok) {
    if (loaded.error.isUnreadable) io.stderr(`${loaded.error.line}\n`);
    else io.stdout(`${loaded.error.line}\n`);
    return null;
  }
  const edit = editDataset(loaded.value.dataset, {
    device: request.device, rate: request.rate, seed: request.seed, form: form(),
    startTime: new Date(time.getTime() - editSpanDays * dayMs), ...(request.add === undefined ? {} : { add: request.add }),
  });
  const line = t('demo.wroteEdit', {
    ...common, source: request.source, edited: String(edit.edited.length), deleted: String(edit.deleted.length), added: String(edit.added.length),
    interviews: counted(t, lang, 'interviews', edit.dataset.interviews.size),
  });
  return { dataset: edit.dataset, researcher: edit.researcher, line };
}

export const demoCommand: Command = {
  name: 'demo',
  summary: {
    en: 'Write a bundle of realistic demo interviews, or a second researcher’s edit of a bundle',
    fr: 'Écrire un lot d’entretiens de démonstration réalistes, ou la reprise d’un lot par une autre chercheuse',
  },
  usage: {
    en: [
      'maillage demo [--interviews <n>] [--seed <s>] [--device <id>] -o <file.maillage>',
      'maillage demo --edit-of <bundle> [--rate <0..1>] [--add <n>] [--seed <s>] [--device <id>] -o <file.maillage>',
      '',
      '  --interviews <n>   how many interviews, 1 to 100000 (default 200)',
      '  --seed <s>         the same seed gives the same data, 0 to 4294967295 (default 1)',
      '  --device <id>      the device that stamps the changes: a-z, 0-9, - (default demo, demo-edit)',
      '  --edit-of <file>   change a share of this bundle’s interviews as a second researcher would',
      '  --rate <0..1>      the share of interviews changed (default 0.1); a tenth of that is deleted',
      '  --add <n>          new interviews added by the second researcher (default: a fifth of the changed)',
      '  -o, --output       the bundle to write',
      '',
      'With SOURCE_DATE_EPOCH set, the same command writes the same bytes.',
    ].join('\n'),
    fr: [
      'maillage demo [--interviews <n>] [--seed <s>] [--device <id>] -o <fichier.maillage>',
      'maillage demo --edit-of <lot> [--rate <0..1>] [--add <n>] [--seed <s>] [--device <id>] -o <fichier.maillage>',
      '',
      '  --interviews <n>   nombre d’entretiens, de 1 à 100000 (200 par défaut)',
      '  --seed <s>         la même graine donne les mêmes données, de 0 à 4294967295 (1 par défaut)',
      '  --device <id>      l’appareil qui horodate les changements\u00a0: a-z, 0-9, - (demo, demo-edit par défaut)',
      '  --edit-of <lot>    modifier une part des entretiens de ce lot, comme une autre chercheuse',
      '  --rate <0..1>      la part des entretiens modifiés (0.1 par défaut)\u00a0; un dixième de cette part est supprimé',
      '  --add <n>          nouveaux entretiens ajoutés par l’autre chercheuse (par défaut\u00a0: un cinquième des modifiés)',
      '  -o, --output       le lot à écrire',
      '',
      'Avec SOURCE_DATE_EPOCH, la même commande écrit les mêmes octets.',
    ].join('\n'),
  },
  options: demoOptions,
  async run(context) {
    const { io, t } = context;
    const refused = rejectArguments(context);
    if (refused !== undefined) return refused;
    const request = parseDemoOptions(context.values);
    if (!request.ok) {
      io.stderr(`${t(request.error.key, request.error.vars)}\n`);
      return ExitCode.usage;
    }
    const time = bundleTime(io.env);
    if (!time.ok) {
      io.stderr(`${t('bundle.sourceDate', { value: time.error.value })}\n`);
      return ExitCode.usage;
    }
    const made = await make(context, request.value, time.value);
    if (!made) return ExitCode.problems;
    // Named after its researcher, as the app names a computer (the conflicts screen shows it).
    const origin = { device: { id: request.value.device, name: `maillage demo — ${made.researcher}` }, researcher: made.researcher, time: time.value };
    const written = await writeFileAtomic(request.value.output, writeBundle(made.dataset, origin, { sha256: nodeSha256, deflate: nodeDeflate }));
    if (!written.ok) {
      io.stderr(`${describeWriteError(t, request.value.output, written.error)}\n`);
      return ExitCode.problems;
    }
    io.stdout(`${made.line}\n`);
    return ExitCode.ok;
  },
};
