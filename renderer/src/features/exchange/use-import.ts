/**
 * The import's steps: read and check the file, preview, then apply in one transaction. The
 * reading, the checks, the preview and the merge run in the bundle worker (or, where it cannot
 * run, on this thread), so that a large file never freezes the screen; the file previewed is
 * kept there until it is applied.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergePreview } from '../../../../core/exchange/bundle/dataset';
import { isLanguage } from '../../../../core/shared/language';
import { useServices } from '../../app/services';
import { storageMessage } from '../interviews/messages';
import { useBackground } from '../sync/background-context';
import type { OpenedFile } from '../sync/bundle-jobs';

export type ImportStep =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly file: string }
  | { readonly step: 'refused'; readonly file: string; readonly reason: string }
  | {
      readonly step: 'preview';
      readonly file: string;
      readonly bytes: Uint8Array;
      readonly token: number;
      readonly manifest: Omit<OpenedFile, 'fileName'>;
      readonly preview: MergePreview;
    }
  | { readonly step: 'applying'; readonly file: string }
  | { readonly step: 'done'; readonly written: number; readonly conflicts: number };

export function useImport() {
  const { t, i18n } = useTranslation();
  const { storage } = useServices();
  const { jobs } = useBackground();
  const [state, setState] = useState<ImportStep>({ step: 'idle' });
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  const read = async (file: string, bytes: Uint8Array) => {
    setState({ step: 'reading', file });
    // Let the "reading" state paint first, for where the file is read on this thread (no worker).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const previewed = await jobs.previewFile({ fileName: file, bytes }, language);
    if (!previewed.ok) {
      setState({ step: 'refused', file, reason: storageMessage(t, previewed.error) });
      return;
    }
    const seen = previewed.value;
    setState('refused' in seen
      ? { step: 'refused', file, reason: seen.refused }
      : { step: 'preview', file, bytes, token: seen.token, manifest: seen.manifest, preview: seen.preview });
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    const { bytes, file, manifest, preview, token } = state;
    setState({ step: 'applying', file });
    const result = await jobs.applyFile({ fileName: file, bytes }, language, token);
    if (!result.ok) {
      setState({ step: 'refused', file, reason: storageMessage(t, result.error) });
      return;
    }
    const applied = result.value;
    if ('refused' in applied) {
      setState({ step: 'refused', file, reason: applied.refused });
      return;
    }
    const { device, researcher, exportedAt } = manifest;
    await storage.devices.record({ id: device.id, name: device.name, researcher, exportedAt, importedAt: new Date().toISOString() });
    setState({ step: 'done', written: applied.written, conflicts: preview.interviews.conflicts });
  };

  const reset = () => {
    if (state.step === 'preview') jobs.forgetFile();
    setState({ step: 'idle' });
  };

  return { state, read, apply, reset };
}
