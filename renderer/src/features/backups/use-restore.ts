/**
 * Restoring a backup, two ways: merged like an import (preview, then one transaction; nothing
 * erased), or as a full replacement of this computer's interviews (after a confirmation, one
 * transaction, all or nothing). The backup is read, checked and applied in the bundle worker, as
 * an imported file is.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergePreview } from '../../../../core/exchange/bundle/dataset';
import { isLanguage } from '../../../../core/shared/language';
import { err, ok, type Result } from '../../../../core/shared/result';
import type { BackupInfo } from '../../platform';
import { useServices } from '../../app/services';
import { storageMessage } from '../interviews/messages';
import { useBackground } from '../sync/background-context';
import type { IncomingFile } from '../sync/bundle-jobs';

export type RestoreStep =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly backup: BackupInfo }
  | { readonly step: 'preview'; readonly backup: BackupInfo; readonly file: IncomingFile; readonly token: number; readonly preview: MergePreview }
  | { readonly step: 'applying'; readonly backup: BackupInfo }
  | { readonly step: 'done'; readonly kind: 'merged' | 'replaced'; readonly count: number }
  | { readonly step: 'failed'; readonly reason: string };

export function useRestore() {
  const { t, i18n } = useTranslation();
  const { platform } = useServices();
  const { jobs } = useBackground();
  const [state, setState] = useState<RestoreStep>({ step: 'idle' });
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  const open = async (backup: BackupInfo): Promise<Result<IncomingFile, string>> => {
    const read = await platform.backups.read({ file: backup.file });
    return read.ok ? ok({ fileName: backup.file, bytes: read.value }) : err(t(`bridge.${read.error.code}`));
  };

  const previewMerge = async (backup: BackupInfo) => {
    setState({ step: 'reading', backup });
    const file = await open(backup);
    if (!file.ok) {
      setState({ step: 'failed', reason: file.error });
      return;
    }
    const previewed = await jobs.previewFile(file.value, language);
    if (!previewed.ok) setState({ step: 'failed', reason: storageMessage(t, previewed.error) });
    else if ('refused' in previewed.value) setState({ step: 'failed', reason: previewed.value.refused });
    else setState({ step: 'preview', backup, file: file.value, token: previewed.value.token, preview: previewed.value.preview });
  };

  const confirmMerge = async () => {
    if (state.step !== 'preview') return;
    setState({ step: 'applying', backup: state.backup });
    const applied = await jobs.applyFile(state.file, language, state.token);
    if (!applied.ok) setState({ step: 'failed', reason: storageMessage(t, applied.error) });
    else if ('refused' in applied.value) setState({ step: 'failed', reason: applied.value.refused });
    else setState({ step: 'done', kind: 'merged', count: applied.value.written });
  };

  const replace = async (backup: BackupInfo) => {
    setState({ step: 'reading', backup });
    const file = await open(backup);
    if (!file.ok) {
      setState({ step: 'failed', reason: file.error });
      return;
    }
    setState({ step: 'applying', backup });
    const replaced = await jobs.replaceWithFile(file.value, language);
    if (!replaced.ok) setState({ step: 'failed', reason: storageMessage(t, replaced.error) });
    else if ('refused' in replaced.value) setState({ step: 'failed', reason: replaced.value.refused });
    else setState({ step: 'done', kind: 'replaced', count: replaced.value.written });
  };

  const reset = () => {
    // A previewed backup is kept in the worker until imported: let it go.
    if (state.step === 'preview') jobs.forgetFile();
    setState({ step: 'idle' });
  };

  return { state, previewMerge, confirmMerge, replace, reset };
}
