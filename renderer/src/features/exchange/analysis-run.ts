/**
 * One analysis export, from the researcher's choices to the saved file, as a plain function of
 * what it needs (the page passes the real ones, tests fakes): the secret, the tables made by the
 * bundle worker, the log entry written before the file is offered — an identified export is not
 * offered at all when its entry cannot be written — then the entry settled with what became of
 * the file.
 */
import type { TFunction } from 'i18next';
import type { Result } from '../../../../core/shared/result';
import type { ExportFormat } from '../../../../core/exports/analysis-files';
import type { LabelMode } from '../../../../core/exports/types';
import { toIsoDate } from '../../../../core/shared/dates';
import type { BridgeResult, SaveFileRequest, SaveFileResponse } from '../../platform/types';
import type { AnalysisExportStore, StorageError } from '../../data';
import { storageMessage } from '../interviews/messages';
import type { AnalysisOutcome, AnalysisRequest } from './analysis-job';
import type { Selection } from './selection';

export interface AnalysisChoices {
  readonly selection: Selection;
  readonly format: ExportFormat;
  readonly labels: LabelMode;
  readonly bom: boolean;
  readonly identified: boolean;
}

export type AnalysisState =
  | { readonly step: 'idle' }
  | { readonly step: 'busy' }
  /** `notes`: interviews left out, a log that could not be written. */
  | { readonly step: 'done'; readonly text: string; readonly notes: readonly string[] }
  | { readonly step: 'cancelled' }
  | { readonly step: 'error'; readonly text: string; readonly notes: readonly string[] };

export interface AnalysisDeps {
  readonly log: Pick<AnalysisExportStore, 'secret' | 'record' | 'settle'>;
  readonly analysis: (request: AnalysisRequest) => Promise<Result<AnalysisOutcome, StorageError>>;
  readonly saveFile: (request: SaveFileRequest) => Promise<BridgeResult<SaveFileResponse>>;
  readonly researcher: () => string;
  readonly now: () => Date;
  /** Names a log entry. */
  readonly newId: () => string;
}

function notesOf(t: TFunction, outcome: { readonly brokenForms?: readonly string[]; readonly missingForms?: readonly { readonly formKey: string; readonly interviewIds: readonly string[] }[] }): string[] {
  return [
    ...(outcome.brokenForms ?? []).map((key) => t('analysis.brokenForm', { key })),
    ...(outcome.missingForms ?? []).map((m) => t('analysis.missingForm', { count: m.interviewIds.length, key: m.formKey })),
  ];
}

export async function runAnalysisExport(deps: AnalysisDeps, t: TFunction, choices: AnalysisChoices): Promise<AnalysisState> {
  const fail = (text: string, notes: readonly string[] = []): AnalysisState => ({ step: 'error', text, notes });
  let secret: string | null = null;
  if (!choices.identified) {
    const found = await deps.log.secret();
    if (!found.ok) return fail(t('analysis.failed', { reason: storageMessage(t, found.error) }));
    secret = found.value.text;
  }
  const now = deps.now();
  const made = await deps.analysis({ selection: choices.selection, format: choices.format, labels: choices.labels, bom: choices.bom, secret, today: toIsoDate(now), time: now.toISOString() });
  if (!made.ok) return fail(t('analysis.failed', { reason: storageMessage(t, made.error) }));
  const outcome = made.value;
  if (outcome.kind === 'weak-secret') return fail(t('analysis.weakSecret', { min: outcome.minBytes }));
  if (outcome.kind === 'nothing') return fail(t('analysis.nothing'), notesOf(t, outcome));
  const notes = notesOf(t, outcome);
  const { file } = outcome;

  const id = deps.newId();
  const logged = await deps.log.record({
    id, time: now.toISOString(), identified: choices.identified, format: choices.format, labels: choices.labels,
    interviews: outcome.exported, researcher: deps.researcher(), location: file.name, outcome: 'offered',
  });
  // Names leave the project only once the log says so.
  if (!logged.ok && choices.identified) return fail(t('analysis.logFailed', { reason: storageMessage(t, logged.error) }), notes);
  if (!logged.ok) notes.push(t('analysis.logWarning', { reason: storageMessage(t, logged.error) }));

  const filterName = t(file.extension === 'zip' ? 'analysis.zipFilter' : file.extension === 'xlsx' ? 'analysis.xlsxFilter' : 'analysis.csvFilter');
  const saved = await deps.saveFile({ suggestedName: file.name, data: file.bytes, filters: [{ name: filterName, extensions: [file.extension] }] });
  const settled = !saved.ok ? 'failed' : saved.value.status === 'cancelled' ? 'cancelled' : 'saved';
  if (logged.ok) await deps.log.settle(id, settled, saved.ok && saved.value.status === 'saved' ? saved.value.location : undefined);
  if (!saved.ok) return fail(t('analysis.failed', { reason: t(`bridge.${saved.error.code}`) }), notes);
  if (saved.value.status === 'cancelled') return { step: 'cancelled' };
  const text = t('analysis.done', {
    count: outcome.exported,
    privacy: t(choices.identified ? 'analysis.privacy.identified' : 'analysis.privacy.pseudonymised'),
    labels: t(`analysis.labelsInline.${choices.labels}`),
    location: saved.value.location,
  });
  return { step: 'done', text, notes };
}
