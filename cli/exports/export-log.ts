/**
 * The project's export log: one line per export, appended to `maillage-export-log.txt` in the
 * bundle's folder, so that a team can say when data left the project, in which form and whether
 * names were in it. An identified export is not written unless its line is logged first.
 */
import { appendFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { err, ok, type Result } from '../../core/shared/result';
import type { Env } from '../i18n';

export const exportLogName = 'maillage-export-log.txt';

export interface ExportLogEntry {
  readonly time: Date;
  readonly identified: boolean;
  readonly format: string;
  readonly labels: string;
  readonly interviews: number;
  readonly bundle: string;
  readonly output: string;
  readonly env: Env;
}

export const exportLogPath = (bundle: string): string => join(dirname(resolve(bundle)), exportLogName);

/** Tab-separated `key=value` fields after the time, one export per line. */
export function exportLogLine(entry: ExportLogEntry): string {
  const user = entry.env['USER'] ?? entry.env['USERNAME'] ?? entry.env['LOGNAME'] ?? 'unknown';
  return [
    entry.time.toISOString(),
    entry.identified ? 'identified' : 'pseudonymised',
    `format=${entry.format}`,
    `labels=${entry.labels}`,
    `interviews=${entry.interviews}`,
    `bundle=${resolve(entry.bundle)}`,
    `output=${resolve(entry.output)}`,
    `user=${user}`,
  ].join('\t');
}

export async function appendExportLog(path: string, line: string): Promise<Result<void, string>> {
  try {
    await appendFile(path, `${line}\n`, { encoding: 'utf8', mode: 0o600 });
    return ok(undefined);
  } catch (error) {
    return err((error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error)));
  }
}
