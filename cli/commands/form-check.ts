/**
 * `maillage form check <file.json>…`: loads each form file exactly as the app would install it
 * and says what is wrong (the question and the reason, one line each, prefixed by the file
 * name), or what the form contains. Exit 1 as soon as one file cannot be used.
 */
import { loadFormText } from '../../core/forms/load';
import { describeFormProblem } from '../../core/forms/problems';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { summarizeForm, type FormSummary } from '../forms/form-summary';
import { readTextFile, type ReadFileError } from '../forms/read-text-file';
import type { Translate } from '../i18n';
import type { Command, CommandContext } from './command';

const readErrorKey = {
  'not-found': 'formCheck.notFound',
  'is-directory': 'formCheck.isDirectory',
  'permission-denied': 'formCheck.permissionDenied',
  unreadable: 'formCheck.unreadable',
} as const satisfies Record<Exclude<ReadFileError['kind'], 'not-utf8'>, string>;

function summaryLines(t: Translate, lang: CommandContext['lang'], summary: FormSummary): string[] {
  const list = (items: readonly string[]) => (items.length === 0 ? t('formCheck.none') : items.join(', '));
  const matrixItems = summary.matrices.reduce((sum, m) => sum + m.items, 0);
  return [
    t('formCheck.summary.form', { id: summary.id, version: String(summary.version) }),
    t('formCheck.summary.title', { title: summary.title[lang] }),
    t('formCheck.summary.sections', { count: String(summary.sectionCount) }),
    t('formCheck.summary.questions', {
      count: String(summary.questionCount),
      types: summary.questionsByType.map(([type, count]) => `${type} ${count}`).join(', '),
    }),
    t('formCheck.summary.matrixItems', {
      count: String(matrixItems),
      matrices: list(summary.matrices.map((m) => `${m.name} ${m.items}`)),
    }),
    t('formCheck.summary.repeats', {
      count: String(summary.repeats.length),
      repeats: list(summary.repeats.map((r) => `${r.name} ${r.questions}`)),
    }),
    t('formCheck.summary.calculations', { count: String(summary.calculations.length), indices: list(summary.indices) }),
    t('formCheck.summary.languages'),
  ];
}

async function checkFile(context: CommandContext, file: string): Promise<ExitCodeValue> {
  const { io, t, lang } = context;
  const read = await readTextFile(file);
  if (!read.ok) {
    if (read.error.kind === 'not-utf8') {
      io.stdout(`${t('formCheck.notUtf8', { file })}\n`);
    } else {
      const reason = read.error.kind === 'unreadable' ? read.error.reason : '';
      io.stderr(`${t(readErrorKey[read.error.kind], { file, reason })}\n`);
    }
    return ExitCode.problems;
  }
  const loaded = loadFormText(read.value);
  if (!loaded.ok) {
    const lines = loaded.error.map((problem) => t('formCheck.problem', { file, problem: describeFormProblem(problem, lang) }));
    lines.push(t('formCheck.invalid', { file, count: String(loaded.error.length) }));
    io.stdout(`${lines.join('\n')}\n`);
    return ExitCode.problems;
  }
  io.stdout(`${[t('formCheck.valid', { file }), ...summaryLines(t, lang, summarizeForm(loaded.value))].join('\n')}\n`);
  return ExitCode.ok;
}

export const formCheckCommand: Command = {
  name: 'form check',
  summary: {
    en: 'Check form files (forms/<id>/v<N>.json) and summarise what they contain',
    fr: 'Vérifier des fichiers de formulaire (forms/<id>/v<N>.json) et résumer leur contenu',
  },
  usage: {
    en: [
      'maillage form check <file.json> [<file.json>…]',
      '',
      'Loads each file as the app would install it. For each problem, prints the file, the',
      'question and the reason; otherwise prints the form id, version, title, sections and',
      'questions by type. Exit code 1 if any file cannot be used. The format: docs/form-format.md.',
    ].join('\n'),
    fr: [
      'maillage form check <fichier.json> [<fichier.json>…]',
      '',
      'Charge chaque fichier comme l’application l’installerait. Pour chaque problème, affiche le',
      'fichier, la question et la raison\u00a0; sinon l’identifiant, la version, le titre, les sections',
      'et les questions par type. Code de sortie 1 si un fichier est inutilisable. Le format\u00a0: docs/form-format.md.',
    ].join('\n'),
  },
  async run(context) {
    if (context.args.length === 0) {
      context.io.stderr(`${context.t('formCheck.missingFile')}\n`);
      return ExitCode.usage;
    }
    let code: ExitCodeValue = ExitCode.ok;
    for (const file of context.args) {
      if ((await checkFile(context, file)) !== ExitCode.ok) code = ExitCode.problems;
    }
    return code;
  },
};
