/**
 * The steps of `maillage export` once its line is understood: read the bundle, choose the secret,
 * build the tables, log, write, and say what was written. Each failure is reported in one line
 * in the user's language and ends with exit code 1.
 */
import { describeBundleError } from '../../core/exchange/bundle/errors';
import type { LabelMode, Privacy } from '../../core/exports/types';
import { describeFormProblem } from '../../core/forms/problems';
import { toIsoDate } from '../../core/shared/dates';
import type { CommandContext } from '../commands/command';
import { ExitCode, type ExitCodeValue } from '../exit-codes';
import { describeReadError, describeWriteError } from '../files/file-messages';
import { bundleTime } from '../bundles/source-date';
import type { BundleInputError } from './bundle-input';
import { csvPartsHere } from './csv-in-parts';
import { appendExportLog, exportLogLine, exportLogPath } from './export-log';
import { readExportSource, type ExportFormat } from './export-source';
import { nodeHmacSha256 } from './node-hmac';
import { findSecret, keepSecret, secretVariable, type Secret, type SecretError } from './secret';
import { namesAFile, writeOutput, type OutputError } from './write-output';

export type { ExportFormat } from './export-source';

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
  // Found first, so that the parts can hash names as they read them; written (when new) and its
  // problems reported only once the bundle has been read, as before.
  const found = request.identified ? null : await findSecret({ secretFile: request.secretFile, env: io.env, bundlePath: request.bundle });
  const source = await readExportSource(
    { ...request, today: toIsoDate(now), fileTime: fileTime(context, now), ...(found?.ok ? { secret: found.value.bytes } : {}) },
    now,
    io.csvParts ?? csvPartsHere,
  );
  if (!source.ok) {
    io.stderr(`${inputError(context, request.bundle, source.error)}\n`);
    return ExitCode.problems;
  }
  let code: ExitCodeValue = ExitCode.ok;
  for (const broken of source.value.brokenForms) {
    const problem = broken.problems[0];
    io.stderr(`${t('export.brokenForm', { file: request.bundle, key: broken.key, problem: problem ? describeFormProblem(problem, context.lang) : '' })}\n`);
  }
  if (source.value.interviewCount === 0) {
    io.stdout(`${t('export.noInterviews', { file: request.bundle })}\n`);
    return ExitCode.ok;
  }

  let secret: Secret | null = null;
  if (found) {
    const resolved = found.ok ? await keepSecret(found.value) : found;
    if (!resolved.ok) {
      io.stderr(`${secretError(context, resolved.error)}\n`);
      return ExitCode.problems;
    }
    secret = resolved.value;
  }
  const privacy: Privacy = secret ? { mode: 'pseudonymised', secret: secret.bytes, hmac: nodeHmacSha256 } : { mode: 'identified' };
  const built = await source.value.build(privacy);
  if (!built.ok) {
    const error = built.error;
    const where = secret?.source.kind === 'file' ? secret.source.path : secretVariable;
    const message = error.code === 'unreadable' ? inputError(context, request.bundle, error.error) : t('export.secretTooShort', { where, min: String(error.minBytes) });
    io.stderr(`${message}\n`);
    return ExitCode.problems;
  }
  const { files, missingForms, formCount, exported } = built.value;
  for (const missing of missingForms) {
    io.stderr(`${t('export.missingForm', { count: String(missing.interviewIds.length), key: missing.formKey })}\n`);
    code = ExitCode.problems;
  }
  if (formCount === 0) return ExitCode.problems;

  if (files.length > 1 && (await namesAFile(request.output))) {
    io.stderr(`${outputError(context, { kind: 'several-files', count: files.length })}\n`);
    return ExitCode.problems;
  }
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
