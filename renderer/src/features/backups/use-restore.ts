/**
 * Restoring a backup, two ways: merged like an import (preview, then one transaction; nothing
 * erased), or as a full replacement of this computer's interviews (after a confirmation, one
 * transaction, all or nothing).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Dataset, MergePreview } from '../../../../core/exchange/bundle/dataset';
import { loadFormText } from '../../../../core/forms/load';
import { isLanguage } from '../../../../core/shared/language';
import { err, ok, type Result } from '../../../../core/shared/result';
import type { BackupInfo } from '../../platform';
import { useServices } from '../../app/services';
import { openBundle } from '../exchange/bundle-files';
import { storageMessage } from '../interviews/messages';

export type RestoreStep =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly backup: BackupInfo }
  | { readonly step: 'preview'; readonly backup: BackupInfo; readonly dataset: Dataset; readonly preview: MergePreview }
  | { readonly step: 'applying'; readonly backup: BackupInfo }
  | { readonly step: 'done'; readonly kind: 'merged' | 'replaced'; readonly count: number }
  | { readonly step: 'failed'; readonly reason: string };

const formIsValid = (form: { readonly source: string }) => loadFormText(form.source).ok;

export function useRestore() {
  const { t, i18n } = useTranslation();
  const { storage, platform } = useServices();
  const [state, setState] = useState<RestoreStep>({ step: 'idle' });
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  const open = async (backup: BackupInfo): Promise<Result<Dataset, string>> => {
    const read = await platform.backups.read({ file: backup.file });
    if (!read.ok) return err(t(`bridge.${read.error.code}`));
    // Let the "reading" line paint before a large backup is checked.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const opened = await openBundle(read.value, language);
    return opened.ok ? ok(opened.value.dataset) : err(opened.error);
  };

  const previewMerge = async (backup: BackupInfo) => {
    setState({ step: 'reading', backup });
    const dataset = await open(backup);
    if (!dataset.ok) {
      setState({ step: 'failed', reason: dataset.error });
      return;
    }
    const preview = await storage.exchange.previewImport(dataset.value);
    setState(preview.ok ? { step: 'preview', backup, dataset: dataset.value, preview: preview.value } : { step: 'failed', reason: storageMessage(t, preview.error) });
  };

  const confirmMerge = async () => {
    if (state.step !== 'preview') return;
    setState({ step: 'applying', backup: state.backup });
    const applied = await storage.exchange.applyImport(state.dataset, formIsValid);
    setState(applied.ok ? { step: 'done', kind: 'merged', count: applied.value.written } : { step: 'failed', reason: storageMessage(t, applied.error) });
  };

  const replace = async (backup: BackupInfo) => {
    setState({ step: 'reading', backup });
    const dataset = await open(backup);
    if (!dataset.ok) {
      setState({ step: 'failed', reason: dataset.error });
      return;
    }
    setState({ step: 'applying', backup });
    const replaced = await storage.exchange.replaceAll(dataset.value, formIsValid);
    setState(replaced.ok ? { step: 'done', kind: 'replaced', count: replaced.value.written } : { step: 'failed', reason: storageMessage(t, replaced.error) });
  };

  return { state, previewMerge, confirmMerge, replace, reset: () => { setState({ step: 'idle' }); } };
}
