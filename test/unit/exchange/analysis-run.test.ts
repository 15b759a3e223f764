/** One analysis export from choices to saved file: the log entry comes first, an identified export needs it, and it ends saying what became of the file. */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { err, ok, type Result } from '../../../core/shared/result';
import type { ExportLogEntry, ExportOutcome, StorageError } from '../../../renderer/src/data';
import type { AnalysisOutcome } from '../../../renderer/src/features/exchange/analysis-job';
import { runAnalysisExport, type AnalysisChoices, type AnalysisDeps } from '../../../renderer/src/features/exchange/analysis-run';
import { everything } from '../../../renderer/src/features/exchange/selection';
import type { BridgeResult, SaveFileResponse } from '../../../renderer/src/platform/types';

const t = ((key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key)) as unknown as TFunction;
const full: StorageError = { code: 'quota', detail: 'QuotaExceededError' };
const choices = (overrides: Partial<AnalysisChoices> = {}): AnalysisChoices => ({ selection: everything, format: 'csv', labels: 'codes', bom: false, identified: false, ...overrides });
const madeOne: AnalysisOutcome = { kind: 'made', exported: 2, missingForms: [], brokenForms: [], fileNames: ['a.csv', 'b.csv'], file: { name: 'maillage-csv-2026-11-28.zip', bytes: new Uint8Array([1]), extension: 'zip' } };

function world(options: { readonly record?: Result<null, StorageError>; readonly save?: BridgeResult<SaveFileResponse>; readonly outcome?: AnalysisOutcome } = {}) {
  const entries: ExportLogEntry[] = [];
  const settled: [string, ExportOutcome, string | undefined][] = [];
  const steps: string[] = [];
  const requests: unknown[] = [];
  const deps: AnalysisDeps = {
    log: {
      secret: () => Promise.resolve(ok({ text: 'a project secret of 32 bytes....', origin: 'this-computer' })),
      record: (entry) => {
        steps.push('log');
        if (options.record && !options.record.ok) return Promise.resolve(options.record);
        entries.push(entry);
        return Promise.resolve(ok(null));
      },
      settle: (id, outcome, location) => {
        settled.push([id, outcome, location]);
        return Promise.resolve(ok(null));
      },
    },
    analysis: (request) => {
      requests.push(request);
      return Promise.resolve(ok(options.outcome ?? madeOne));
    },
    saveFile: () => {
      steps.push('save');
      return Promise.resolve(options.save ?? ok({ status: 'saved', location: '/home/camille/maillage-csv-2026-11-28.zip' }));
    },
    researcher: () => 'Camille Roux',
    now: () => new Date('2026-11-28T10:00:00.000Z'),
    newId: () => 'entry-1',
  };
  return { deps, entries, settled, steps, requests };
}

describe('running an analysis export', () => {
  it('logs the export before offering the file, then settles the entry with where it went', async () => {
    const w = world();
    const state = await runAnalysisExport(w.deps, t, choices());
    expect(w.steps).toEqual(['log', 'save']);
    expect(w.requests).toEqual([expect.objectContaining({ secret: 'a project secret of 32 bytes....', today: '2026-11-28' })]);
    expect(w.entries).toEqual([{ id: 'entry-1', time: '2026-11-28T10:00:00.000Z', identified: false, format: 'csv', labels: 'codes', interviews: 2, researcher: 'Camille Roux', location: 'maillage-csv-2026-11-28.zip', outcome: 'offered' }]);
    expect(w.settled).toEqual([['entry-1', 'saved', '/home/camille/maillage-csv-2026-11-28.zip']]);
    expect(state).toMatchObject({ step: 'done', notes: [] });
  });

  it('makes an identified export without the secret, and never offers it when the log cannot be written', async () => {
    const w = world({ record: err(full) });
    const state = await runAnalysisExport(w.deps, t, choices({ identified: true }));
    expect(w.requests).toEqual([expect.objectContaining({ secret: null })]);
    expect(w.steps).toEqual(['log']);
    expect(state).toMatchObject({ step: 'error', text: expect.stringContaining('analysis.logFailed') as string });
  });

  it('still offers a pseudonymised export when the log cannot be written, and says so', async () => {
    const w = world({ record: err(full) });
    const state = await runAnalysisExport(w.deps, t, choices());
    expect(w.steps).toEqual(['log', 'save']);
    expect(w.settled).toEqual([]);
    expect(state).toMatchObject({ step: 'done', notes: [expect.stringContaining('analysis.logWarning')] });
  });

  it('notes a cancelled or failed save in the log', async () => {
    const cancelled = world({ save: ok({ status: 'cancelled' }) });
    expect(await runAnalysisExport(cancelled.deps, t, choices({ identified: true }))).toEqual({ step: 'cancelled' });
    expect(cancelled.settled).toEqual([['entry-1', 'cancelled', undefined]]);
    const failed = world({ save: err({ code: 'disk-full', message: 'ENOSPC' }) });
    expect(await runAnalysisExport(failed.deps, t, choices())).toMatchObject({ step: 'error', text: expect.stringContaining('bridge.disk-full') as string });
    expect(failed.settled).toEqual([['entry-1', 'failed', undefined]]);
  });

  it('logs nothing when there is nothing to export, and says why', async () => {
    const w = world({ outcome: { kind: 'nothing', brokenForms: ['tiny@1'], missingForms: [{ formKey: 'tiny@1', interviewIds: ['x'] }] } });
    const state = await runAnalysisExport(w.deps, t, choices());
    expect(w.steps).toEqual([]);
    expect(state).toMatchObject({ step: 'error', text: 'analysis.nothing', notes: [expect.stringContaining('analysis.brokenForm'), expect.stringContaining('analysis.missingForm')] });
  });
});
