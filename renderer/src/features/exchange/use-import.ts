/** The import's steps: read and check the file, preview, then apply in one transaction. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergePreview } from '../../../../core/exchange/bundle/dataset';
import type { ReadBundle } from '../../../../core/exchange/bundle/read-bundle';
import { loadFormText } from '../../../../core/forms/load';
import { isLanguage } from '../../../../core/shared/language';
import { useServices } from '../../app/services';
import { storageMessage } from '../interviews/messages';
import { openBundle } from './bundle-files';

export type ImportStep =
  | { readonly step: 'idle' }
  | { readonly step: 'reading'; readonly file: string }
  | { readonly step: 'refused'; readonly file: string; readonly reason: string }
  | { readonly step: 'preview'; readonly file: string; readonly bundle: ReadBundle; readonly preview: MergePreview }
  | { readonly step: 'applying'; readonly file: string }
  | { readonly step: 'done'; readonly written: number; readonly conflicts: number };

export function useImport() {
  const { t, i18n } = useTranslation();
  const { storage } = useServices();
  const [state, setState] = useState<ImportStep>({ step: 'idle' });
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';

  const read = async (file: string, bytes: Uint8Array) => {
    setState({ step: 'reading', file });
    // Let the "reading" state paint before the checks run on a large file.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const opened = await openBundle(bytes, language);
    if (!opened.ok) {
      setState({ step: 'refused', file, reason: opened.error });
      return;
    }
    const preview = await storage.exchange.previewImport(opened.value.dataset);
    setState(preview.ok
      ? { step: 'preview', file, bundle: opened.value, preview: preview.value }
      : { step: 'refused', file, reason: storageMessage(t, preview.error) });
  };

  const apply = async () => {
    if (state.step !== 'preview') return;
    const { bundle, file, preview } = state;
    setState({ step: 'applying', file });
    const result = await storage.exchange.applyImport(bundle.dataset, (form) => loadFormText(form.source).ok);
    if (!result.ok) {
      setState({ step: 'refused', file, reason: storageMessage(t, result.error) });
      return;
    }
    const { device, researcher, exportedAt } = bundle.manifest;
    await storage.devices.record({ id: device.id, name: device.name, researcher, exportedAt, importedAt: new Date().toISOString() });
    setState({ step: 'done', written: result.value.written, conflicts: preview.interviews.conflicts });
  };

  return { state, read, apply, reset: () => { setState({ step: 'idle' }); } };
}
