/** Export everything, or a selection, as a bundle file. */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterviewSummary } from '../../../../core/records/interview';
import { toIsoDate } from '../../../../core/shared/dates';
import { useServices } from '../../app/services';
import { currentResearcher } from '../../app/researcher';
import { facetsOf } from '../interviews/filter-interviews';
import { storageMessage } from '../interviews/messages';
import { useInterviewList } from '../interviews/use-interviews';
import { useBackground } from '../sync/background-context';
import { bundleExtension, bundleFileName } from './bundle-files';

interface Selection {
  readonly network: string;
  readonly territory: string;
  readonly interviewer: string;
  readonly from: string;
  readonly to: string;
}
const everything: Selection = { network: '', territory: '', interviewer: '', from: '', to: '' };

const matches = (s: Selection) => (i: InterviewSummary) =>
  (s.network === '' || i.networkName === s.network) &&
  (s.territory === '' || i.territory === s.territory) &&
  (s.interviewer === '' || i.interviewer === s.interviewer) &&
  (s.from === '' || i.interviewDate >= s.from) &&
  (s.to === '' || i.interviewDate <= s.to);

type Outcome = { readonly kind: 'idle' } | { readonly kind: 'busy' } | { readonly kind: 'done'; readonly text: string } | { readonly kind: 'error'; readonly text: string };

export function ExportPanel() {
  const { t, i18n } = useTranslation();
  const { storage, platform } = useServices();
  const { jobs } = useBackground();
  const list = useInterviewList();
  const [selection, setSelection] = useState<Selection>(everything);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const facets = useMemo(() => facetsOf(list.state === 'ready' ? list.value.interviews : [], collator), [list, collator]);
  const isAll = JSON.stringify(selection) === JSON.stringify(everything);

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

  const select = (field: 'network' | 'territory' | 'interviewer', values: readonly string[]) => (
    <label className="filter">
      <span>{t(`interviews.filters.${field}`)}</span>
      <select value={selection[field]} onChange={(event) => { setSelection({ ...selection, [field]: event.target.value }); }}>
        <option value="">{t('exchange.all')}</option>
        {values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    </label>
  );

  return (
    <section className="panel" aria-labelledby="export-title">
      <h2 id="export-title">{t('exchange.exportTitle')}</h2>
      <p>{t('exchange.exportIntro')}</p>
      <div className="filter-bar" role="group" aria-label={t('exchange.selection')}>
        {select('network', facets.networks)}
        {select('territory', facets.territories)}
        {select('interviewer', facets.interviewers)}
        <label className="filter">
          <span>{t('exchange.from')}</span>
          <input type="date" value={selection.from} onChange={(event) => { setSelection({ ...selection, from: event.target.value }); }} />
        </label>
        <label className="filter">
          <span>{t('exchange.to')}</span>
          <input type="date" value={selection.to} onChange={(event) => { setSelection({ ...selection, to: event.target.value }); }} />
        </label>
      </div>
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
