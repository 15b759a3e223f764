/**
 * The analysis export as the panel runs it: the secret and the log kept on this computer, the
 * tables made in the bundle worker, the files saved through the platform, and every export
 * written in the log — an identified one before its files are saved, or not at all.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat } from '../../../../core/exports/analysis-files';
import { minSecretBytes } from '../../../../core/exports/pseudonyms';
import type { LabelMode } from '../../../../core/exports/types';
import { toIsoDate } from '../../../../core/shared/dates';
import type { ExportLogEntry, PseudonymSecret } from '../../data';
import { useServices } from '../../app/services';
import { currentResearcher } from '../../app/researcher';
import { storageMessage } from '../interviews/messages';
import { useBackground } from '../sync/background-context';
import { savedFileOf } from './analysis-files';
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
  | { readonly step: 'error'; readonly text: string };

const encoder = new TextEncoder();

export function useAnalysisExport() {
  const { t } = useTranslation();
  const { storage, platform } = useServices();
  const { jobs } = useBackground();
  const [state, setState] = useState<AnalysisState>({ step: 'idle' });
  const [log, setLog] = useState<readonly ExportLogEntry[]>([]);
  const [secret, setSecret] = useState<PseudonymSecret | null>(null);
  const [secretNote, setSecretNote] = useState<{ readonly text: string; readonly isError: boolean } | null>(null);

  const reloadLog = useCallback(async () => {
    const entries = await storage.analysis.log();
    if (entries.ok) setLog(entries.value);
  }, [storage]);

  useEffect(() => {
    let live = true;
    void Promise.all([storage.analysis.log(), storage.analysis.secret()]).then(([entries, found]) => {
      if (!live) return;
      if (entries.ok) setLog(entries.value);
      if (found.ok) setSecret(found.value);
    });
    return () => { live = false; };
  }, [storage]);

  const produce = async (choices: AnalysisChoices): Promise<AnalysisState> => {
    const fail = (text: string): AnalysisState => ({ step: 'error', text });
    let secretText: string | null = null;
    if (!choices.identified) {
      const found = await storage.analysis.secret();
      if (!found.ok) return fail(t('analysis.failed', { reason: storageMessage(t, found.error) }));
      secretText = found.value.text;
    }
    const now = new Date();
    const today = toIsoDate(now);
    const made = await jobs.analysis({ selection: choices.selection, format: choices.format, labels: choices.labels, bom: choices.bom, secret: secretText, today, time: now.toISOString() });
    if (!made.ok) return fail(t('analysis.failed', { reason: storageMessage(t, made.error) }));
    const outcome = made.value;
    if (outcome.kind === 'nothing') return fail(t('analysis.nothing'));
    if (outcome.kind === 'weak-secret') return fail(t('analysis.weakSecret', { min: outcome.minBytes }));
    const notes = [
      ...outcome.brokenForms.map((key) => t('analysis.brokenForm', { key })),
      ...outcome.missingForms.map((m) => t('analysis.missingForm', { count: m.interviewIds.length, key: m.formKey })),
    ];
    const file = savedFileOf(outcome.files, choices.format, today, now);
    if (!file) return fail(notes.join(' ') || t('analysis.nothing'));

    const entry: ExportLogEntry = {
      time: now.toISOString(), identified: choices.identified, format: choices.format, labels: choices.labels,
      interviews: outcome.exported, researcher: currentResearcher(), location: file.name,
    };
    const logged = await storage.analysis.record(entry);
    // Names leave the project only once the log says so.
    if (!logged.ok && choices.identified) return fail(t('analysis.logFailed', { reason: storageMessage(t, logged.error) }));
    if (!logged.ok) notes.push(t('analysis.logWarning', { reason: storageMessage(t, logged.error) }));
    void reloadLog();

    const filterName = t(file.extension === 'zip' ? 'analysis.zipFilter' : file.extension === 'xlsx' ? 'analysis.xlsxFilter' : 'analysis.csvFilter');
    const saved = await platform.files.saveFile({ suggestedName: file.name, data: file.bytes, filters: [{ name: filterName, extensions: [file.extension] }] });
    if (!saved.ok) return fail(t('analysis.failed', { reason: t(`bridge.${saved.error.code}`) }));
    if (saved.value.status === 'cancelled') return { step: 'idle' };
    const text = t('analysis.done', {
      count: outcome.exported,
      privacy: t(choices.identified ? 'analysis.privacy.identified' : 'analysis.privacy.pseudonymised'),
      labels: t(`analysis.labels.${choices.labels}`),
      location: saved.value.location,
    });
    return { step: 'done', text, notes };
  };

  const run = async (choices: AnalysisChoices) => {
    setState({ step: 'busy' });
    try {
      setState(await produce(choices));
    } catch (error) {
      setState({ step: 'error', text: t('analysis.failed', { reason: error instanceof Error ? error.message : String(error) }) });
    }
  };

  /** Reads the team's `.maillage-secret` file and keeps its secret, when it is one. */
  const chooseTeamSecret = async () => {
    setSecretNote(null);
    const opened = await platform.files.openFile({ filters: [] });
    if (!opened.ok) {
      setSecretNote({ text: t(`bridge.${opened.error.code}`), isError: true });
      return;
    }
    if (opened.value.status === 'cancelled') return;
    const { name, data } = opened.value;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(data).trim();
    } catch {
      text = '';
    }
    if (encoder.encode(text).length < minSecretBytes) {
      setSecretNote({ text: t('analysis.secretTooShort', { file: name, min: minSecretBytes }), isError: true });
      return;
    }
    const kept = await storage.analysis.useTeamSecret(text);
    if (!kept.ok) {
      setSecretNote({ text: t('analysis.secretUnreadable', { file: name, reason: storageMessage(t, kept.error) }), isError: true });
      return;
    }
    setSecret(kept.value);
    setSecretNote({ text: t('analysis.secretUsed'), isError: false });
  };

  return { state, log, secret, secretNote, run, chooseTeamSecret, dismiss: () => { setState({ step: 'idle' }); } };
}
