/**
 * What `maillage export` reads from a bundle, and how it makes the files: a CSV export of a bundle
 * written one record per line is read in parts, one per core (csv-in-parts.ts); workbooks, the
 * dictionary alone and any bundle the parts send back are read the ordinary way. Both give the
 * same files, the same messages and the same refusals.
 */
import { analysisExport, type ExportFormat } from '../../core/exports/analysis-files';
import { csvExportFromParts, type CsvExport } from '../../core/exports/csv-parts';
import type { ExportError, LabelMode, Privacy } from '../../core/exports/types';
import { err, ok, type Result } from '../../core/shared/result';
import { readBinaryFile } from '../files/read-binary-file';
import { bundleInputOf, type BundleInput, type BundleInputError } from './bundle-input';
import { readCsvInParts, type StartCsvParts } from './csv-in-parts';

export type { ExportFormat } from '../../core/exports/analysis-files';

/** The files of an export and what the command reports of them. */
export type BuiltExport = CsvExport;

/**
 * Why the files could not be made: the secret is too short, or (read in parts, then the ordinary
 * way, see buildOrdinarily) the bundle does not read whole after all.
 */
export type BuildError = ExportError | { readonly code: 'unreadable'; readonly error: BundleInputError };

export interface ExportSource {
  readonly brokenForms: BundleInput['brokenForms'];
  /** Interviews to export (deleted ones left out). */
  readonly interviewCount: number;
  build(privacy: Privacy): Promise<Result<BuiltExport, BuildError>>;
}

export interface SourceRequest {
  readonly bundle: string;
  readonly format: ExportFormat;
  readonly labels: LabelMode;
  readonly bom: boolean;
  readonly identified: boolean;
  /** Today's date (`YYYY-MM-DD`) for form logic. */
  readonly today: string;
  /** The time written into workbooks. */
  readonly fileTime: Date;
  /** The pseudonym secret as found before reading (parts then hash their names themselves). */
  readonly secret?: Uint8Array;
}

function ordinarySource(input: BundleInput, request: SourceRequest): ExportSource {
  return {
    brokenForms: input.brokenForms,
    interviewCount: input.interviews.length,
    build: (privacy) =>
      analysisExport(input.forms, input.interviews, { labels: request.labels, privacy, today: request.today, format: request.format, bom: request.bom, time: request.fileTime }),
  };
}

/**
 * The export made the ordinary way, when the codes the parts wrote are not the export's (see
 * csvExportFromParts). The parts read the bundle with the ordinary reading's checks, so it should
 * read; if it does not, its reason is reported as for any bundle that does not read.
 */
async function buildOrdinarily(bundle: Uint8Array, now: Date, request: SourceRequest, privacy: Privacy): Promise<Result<BuiltExport, BuildError>> {
  const input = bundleInputOf(bundle, now);
  if (!input.ok) return err({ code: 'unreadable', error: input.error });
  return ordinarySource(input.value, request).build(privacy);
}

/** Reads the bundle for the export; `startParts` is how a CSV export reads in parts. */
export async function readExportSource(request: SourceRequest, now: Date, startParts: StartCsvParts): Promise<Result<ExportSource, BundleInputError>> {
  const reader = request.format === 'csv' ? startParts() : null;
  try {
    const bytes = await readBinaryFile(request.bundle);
    if (!bytes.ok) return err({ kind: 'file', error: bytes.error });
    if (reader) {
      const parts = await readCsvInParts(bytes.value, now, reader, { labels: request.labels, pseudonymised: !request.identified, today: request.today, ...(request.secret ? { secret: request.secret } : {}) });
      if (parts && !parts.ok) return err({ kind: 'bundle', error: parts.error });
      if (parts) {
        const { forms, brokenForms, interviewCount } = parts.value;
        const bundle = bytes.value;
        return ok({
          brokenForms,
          interviewCount,
          build: (privacy) => {
            const built = csvExportFromParts(forms, parts.value.parts, { labels: request.labels, privacy, today: request.today, bom: request.bom });
            return built ? Promise.resolve(built) : buildOrdinarily(bundle, now, request, privacy);
          },
        });
      }
      // Read the ordinary way: workers still busy with a doubtful bundle would take its cores.
      reader.close();
    }
    const input = bundleInputOf(bytes.value, now);
    return input.ok ? ok(ordinarySource(input.value, request)) : input;
  } finally {
    reader?.close();
  }
}
