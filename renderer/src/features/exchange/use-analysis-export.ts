/**
 * The analysis export as the panel runs it (see ./analysis-run.ts), and the pseudonym secret:
 * the team's secret file read and checked, kept only after the researcher confirms (the secret it
 * replaces is kept aside), and this computer's secret saved as a file for the team.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { minSecretBytes } from '../../../../core/exports/pseudonyms';
import type { ExportLogEntry, PseudonymSecret } from '../../data';
import { useServices } from '../../app/services';
import { currentResearcher } from '../../app/researcher';
import { storageMessage } from '../interviews/messages';
import { useBackground } from '../sync/background-context';
import { runAnalysisExport, type AnalysisChoices, type AnalysisState } from './analysis-run';

export type { AnalysisChoices, AnalysisState } from './analysis-run';

const encoder = new TextEncoder();

export interface SecretNote {
  readonly text: string;
  readonly isError: boolean;
}

/** A team secret read from its file, waiting for the researcher's confirmation. */
export interface PendingSecret {
  readonly fileName: string;
  readonly text: string;
}

export function useAnalysisExport() {
  const { t } = useTranslation();
  const { storage, platform } = useServices();
  const { jobs } = useBackground();
  const [state, setState] = useState<AnalysisState>({ step: 'idle' });
  const [log, setLog] = useState<readonly ExportLogEntry[]>([]);
  const [logError, setLogError] = useState<string | null>(null);
  const [secret, setSecret] = useState<PseudonymSecret | null>(null);
  const [secretNote, setSecretNote] = useState<SecretNote | null>(null);
  const [pendingSecret, setPendingSecret] = useState<PendingSecret | null>(null);

  const readLog = useCallback(() => storage.analysis.log().then((entries) => {
    if (entries.ok) {
      setLog(entries.value);
      setLogError(null);
    } else setLogError(storageMessage(t, entries.error));
  }), [storage, t]);

  useEffect(() => {
    let live = true;
    void storage.analysis.log().then((entries) => {
      if (!live) return;
      if (entries.ok) setLog(entries.value);
      else setLogError(storageMessage(t, entries.error));
    });
    return () => { live = false; };
  }, [storage, t]);

  useEffect(() => {
    let live = true;
    // Only read here: a secret is made on the first pseudonymised export.
    void storage.analysis.currentSecret().then((found) => { if (live && found.ok) setSecret(found.value); });
    return () => { live = false; };
  }, [storage]);

  const run = async (choices: AnalysisChoices) => {
    setState({ step: 'busy' });
    try {
      setState(await runAnalysisExport({
        log: storage.analysis,
        analysis: (request) => jobs.analysis(request),
        saveFile: (request) => platform.files.saveFile(request),
        researcher: currentResearcher,
        now: () => new Date(),
        newId: uuidv7,
      }, t, choices));
    } catch (error) {
      setState({ step: 'error', text: t('analysis.unexpected', { detail: error instanceof Error ? error.message : String(error) }), notes: [] });
    }
    void readLog();
    if (!choices.identified) void storage.analysis.currentSecret().then((found) => { if (found.ok) setSecret(found.value); });
  };

  /** Reads the team's secret file; it is kept once the researcher confirms (see keepTeamSecret). */
  const chooseTeamSecret = async () => {
    setSecretNote(null);
    const opened = await platform.files.openFile({ filters: [], showHidden: true });
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
    if (secret?.text === text) {
      setSecretNote({ text: t('analysis.secretSame'), isError: false });
      return;
    }
    setPendingSecret({ fileName: name, text });
  };

  const keepTeamSecret = async () => {
    const pending = pendingSecret;
    setPendingSecret(null);
    if (!pending) return;
    const kept = await storage.analysis.useTeamSecret(pending.text);
    if (!kept.ok) {
      setSecretNote({ text: t('analysis.secretNotKept', { reason: storageMessage(t, kept.error) }), isError: true });
      return;
    }
    setSecret(kept.value);
    setSecretNote({ text: t('analysis.secretUsed'), isError: false });
  };

  /** Saves the secret in use as a file the team can share (and `maillage export --secret-file` read). */
  const saveSecretFile = async () => {
    setSecretNote(null);
    const found = await storage.analysis.secret();
    if (!found.ok) {
      setSecretNote({ text: t('analysis.secretNotSaved', { reason: storageMessage(t, found.error) }), isError: true });
      return;
    }
    setSecret(found.value);
    const saved = await platform.files.saveFile({ suggestedName: 'maillage-secret.txt', data: encoder.encode(`${found.value.text}\n`), filters: [{ name: t('analysis.secretFilter'), extensions: ['txt'] }] });
    if (!saved.ok) setSecretNote({ text: t('analysis.secretNotSaved', { reason: t(`bridge.${saved.error.code}`) }), isError: true });
    else if (saved.value.status === 'saved') setSecretNote({ text: t('analysis.secretSaved', { location: saved.value.location }), isError: false });
  };

  return {
    state, log, logError, secret, secretNote, pendingSecret,
    run, chooseTeamSecret, keepTeamSecret, saveSecretFile,
    cancelTeamSecret: () => { setPendingSecret(null); },
    reset: () => { setState({ step: 'idle' }); },
  };
}
