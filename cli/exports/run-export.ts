/**
 * The steps of `maillage export` once its line is understood: read the bundle, choose the secret,
 * build the tables, log, write, and say what was written. Each failure is reported in one line
 * in the user's language and ends with exit code 1.
 */
import { describeBundleError } from '../../core/exchange/bundle/errors';
import { csvFiles, dictionaryCsvFiles } from '../../core/exports/csv';
import { buildExportModel } from '../../core/exports/table-model';
import type { ExportFile, ExportModel, LabelMode, Privacy } from '../../core/exports/types';
import { describeFormProblem } from '../../core/forms/problems';
import { toIsoDate } from '../../core/shared/dates';
import type { CommandContext } from '../commands/command';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { describeReadError, describeWriteError } from '../files/file-messages';
import { bundleTime } from '../bundles/source-date';
import { readBundleInput, type BundleInputError } from './bundle-input';
import { appendExportLog, exportLogLine, exportLogPath } from './export-log';
import { resolveSecret, secretVariable, type Secret, type SecretError } from './secret';
import { namesAFile, writeOutput, type OutputError } from './write-output';

export type ExportFormat = 'csv' | 'xlsx' | 'dictionary';

export interface ExportRequest {
  readonly bundle: string;
  readonly output: string;
  readonly format: ExportFormat;
  readonly labels: LabelMode;
  readonly identified: boolean;
  readonly bom: boolean;
  readonly secretFile: string | undefined;
}

function inputError(context: CommandContext, file: string, error: BundleInputError): string {
  if (error.kind === 'bundle') return context.t('export.invalidBundle', { file, reason: describeBundleError(error.error, context.lang) });
  return describeReadError(context.t, file, error.error);
}

function secretError(context: CommandContext, error: SecretError): string {
  return error.kind === 'too-short'
    ? context.t('export.secretTooShort', { where: error.where, min: String(error.min) })
    : context.t('export.secretUnreadable', { path: error.path, reason: error.reason });
}

function outputError(context: CommandContext, error: OutputError): string {
  if (error.kind === 'several-files') return context.t('export.severalFiles', { count: String(error.count) });
  if (error.kind === 'not-a-folder') return context.t('export.notAFolder', { path: error.path });
  return describeWriteError(context.t, error.path, error.error);
}

/** The time written into workbooks: SOURCE_DATE_EPOCH when set (reproducible output), otherwise now. */
function fileTime(context: CommandContext, now: Date): Date {
  const time = bundleTime(context.io.env, () => now);
  return time.ok ? time.value : now;
}

async function filesOf(context: CommandContext, request: ExportRequest, model: ExportModel, now: Date): Promise<ExportFile[]> {
  if (request.format === 'csv') return csvFiles(model, { bom: request.bom });
  if (request.format === 'dictionary') return dictionaryCsvFiles(model, { bom: request.bom });
  // exceljs is large: load it only for workbooks.
  const { xlsxFiles } = await import('../../core/exports/xlsx');
  return xlsxFiles(model, { codebook: [], time: fileTime(context, now) });
}

function secretLines(context: CommandContext, secret: Secret | null): string[] {
  if (!secret) return [];
  if (secret.source.kind === 'env') return [context.t('export.secretFromEnv')];
  const lines = [context.t('export.secretFromFile', { path: secret.source.path })];
  if (secret.source.created) lines.push(context.t('export.secretCreated', { path: secret.source.path }));
  return lines;
}

export async function runExport(context: CommandContext, request: ExportRequest): Promise<ExitCodeValue> {
  const { io, t } = context;
  const now = new Date();
  const input = await readBundleInput(request.bundle, now);
  if (!input.ok) {
    io.stderr(`${inputError(context, request.bundle, input.error)}\n`);
    return ExitCode.problems;
  }
  let code: ExitCodeValue = ExitCode.ok;
  for (const broken of input.value.brokenForms) {
    const problem = broken.problems[0];
    io.stderr(`${t('export.brokenForm', { file: request.bundle, key: broken.key, problem: problem ? describeFormProblem(problem, context.lang) : '' })}\n`);
  }
  if (input.value.interviews.length === 0) {
    io.stdout(`${t('export.noInterviews', { file: request.bundle })}\n`);
    return ExitCode.ok;
  }

  let secret: Secret | null = null;
  if (!request.identified) {
    const resolved = await resolveSecret({ secretFile: request.secretFile, env: io.env, bundlePath: request.bundle });
    if (!resolved.ok) {
      io.stderr(`${secretError(context, resolved.error)}\n`);
      return ExitCode.problems;
    }
    secret = resolved.value;
  }
  const privacy: Privacy = secret ? { mode: 'pseudonymised', secret: secret.bytes } : { mode: 'identified' };
  const built = buildExportModel(input.value.forms, input.value.interviews, { labels: request.labels, privacy, today: toIsoDate(now) });
  if (!built.ok) {
    const where = secret?.source.kind === 'file' ? secret.source.path : secretVariable;
    io.stderr(`${t('export.secretTooShort', { where, min: String(built.error.minBytes) })}\n`);
    return ExitCode.problems;
  }
  const model = built.value;
  for (const missing of model.missingForms) {
    io.stderr(`${t('export.missingForm', { count: String(missing.interviewIds.length), key: missing.formKey })}\n`);
    code = ExitCode.problems;
  }
  if (model.forms.length === 0) return ExitCode.problems;

  const files = await filesOf(context, request, model, now);
  if (files.length > 1 && (await namesAFile(request.output))) {
    io.stderr(`${outputError(context, { kind: 'several-files', count: files.length })}\n`);
    return ExitCode.problems;
  }
  const exported = model.forms.reduce((sum, form) => sum + (form.tables[0]?.rows.length ?? 0), 0);
  const logPath = exportLogPath(request.bundle);
  const line = exportLogLine({ time: now, identified: request.identified, format: request.format, labels: request.labels, interviews: exported, bundle: request.bundle, output: request.output, env: io.env });
  const logged = await appendExportLog(logPath, line);
  if (!logged.ok && request.identified) {
    io.stderr(`${t('export.logFailed', { path: logPath, reason: logged.error })}\n`);
    return ExitCode.problems;
  }
  if (!logged.ok) io.stderr(`${t('export.logWarning', { path: logPath, reason: logged.error })}\n`);

  const written = await writeOutput(request.output, files);
  if (!written.ok) {
    io.stderr(`${outputError(context, written.error)}\n`);
    return ExitCode.problems;
  }
  const lines = [
    t('export.done', {
      count: String(exported),
      file: request.bundle,
      privacy: t(request.identified ? 'export.privacy.identified' : 'export.privacy.pseudonymised'),
      labels: t(`export.labels.${request.labels}`),
    }),
    ...written.value.map((path, i) => {
      const rows = files[i]?.rows;
      return rows === undefined ? t('export.file', { path }) : t('export.fileRows', { path, rows: String(rows) });
    }),
    ...secretLines(context, secret),
  ];
  if (request.identified) {
    io.stderr(`${t('export.identifiedWarning')}\n`);
    lines.push(t('export.logged', { path: logPath, line: line.replace(/\t/g, ' ') }));
  }
  io.stdout(`${lines.join('\n')}\n`);
  return code;
}
