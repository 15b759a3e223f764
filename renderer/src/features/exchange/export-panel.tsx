/** Export everything, or a selection, as a bundle file. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../../core/shared/dates';
import { useServices } from '../../app/services';
import { currentResearcher } from '../../app/researcher';
import { storageMessage } from '../interviews/messages';
import { useBackground } from '../sync/background-context';
import { bundleExtension, bundleFileName } from './bundle-files';
import { everything, isEverything, matches, type Selection } from './selection';
import { SelectionBar } from './selection-bar';

type Outcome = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'done'; readonly text: string } | { readonly kind: 'error'; readonly text: string };

export function ExportPanel() {
  const { t } = useTranslation();
  const { storage, platform } = useServices();
  const { jobs } = useBackground();
  const [selection, setSelection] = useState<Selection>(everything);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const isAll = isEverything(selection);

  const run = async () => {
    setOutcome({ kind: 'busy' });
    const dataset = await storage.exchange.exportDataset(isAll ? undefined : matches(selection));
    if (!dataset.ok) {
      setOutcome({ kind: 'error', text: t('exchange.exportFailed', { reason: storageMessage(t, dataset.error) }) });
      return;
    }
    const researcher = currentResearcher();
    // Zipped in the bundle worker: a large export does not freeze the screen.
    const made = await jobs.fromDataset(dataset.value, await storage.exchange.deviceId(), researcher);
    if (!made.ok) {
      setOutcome({ kind: 'error', text: t('exchange.exportFailed', { reason: storageMessage(t, made.error) }) });
      return;
    }
    const saved = await platform.files.saveFile({
      suggestedName: bundleFileName(researcher, toIsoDate(new Date())),
      data: made.value.bytes,
      filters: [{ name: t('exchange.fileFilter'), extensions: [bundleExtension] }],
    });
    if (!saved.ok) setOutcome({ kind: 'error', text: t('exchange.exportFailed', { reason: t(`bridge.${saved.error.code}`) }) });
    else if (saved.value.status === 'cancelled') setOutcome({ kind: 'idle' });
    else setOutcome({ kind: 'done', text: t('exchange.exported', { count: dataset.value.interviews.size, location: saved.value.location }) });
  };

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exchange.exportTitle')}</h2>
      <p>{t('exchange.exportIntro')}</p>
      <SelectionBar selection={selection} onChange={setSelection} label={t('exchange.selection')} />
      <button type="button" className="primary" disabled={outcome.kind === 'busy'} onClick={() => { void run(); }}>
        {outcome.kind === 'busy' ? t('exchange.exporting') : t('exchange.export')}
      </button>
      <div aria-live="polite">
        {outcome.kind === 'done' && <p role="status">{outcome.text}</p>}
        {outcome.kind === 'error' && <p role="alert" className="form-summary">{outcome.text}</p>}
      </div>
    </section>
  );
}
