/** The choice of interviews an export takes (see ./selection.ts): by network, territory, interviewer and dates. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { facetsOf } from '../interviews/filter-interviews';
import { useInterviewList } from '../interviews/use-interviews';
import type { Selection } from './selection';

/** `label` names the group for screen readers (two selections can share a screen). */
export function SelectionBar({ selection, onChange, label }: { readonly selection: Selection; readonly onChange: (next: Selection) => void; readonly label: string }) {
  const { t, i18n } = useTranslation();
  const list = useInterviewList();
  const collator = useMemo(() => new Intl.Collator(i18n.language), [i18n.language]);
  const facets = useMemo(() => facetsOf(list.state === 'ready' ? list.value.interviews : [], collator), [list, collator]);

  const select = (field: 'network' | 'territory' | 'interviewer', values: readonly string[]) => (
    <label className="filter">
      <span>{t(`interviews.filters.${field}`)}</span>
      <select value={selection[field]} onChange={(event) => { onChange({ ...selection, [field]: event.target.value }); }}>
        <option value="">{t('exchange.all')}</option>
        {values.map((v) => <option key={v} value={v}>{v}</option>)}
      </select>
    </label>
  );

  return (
    <div className="filter-bar" role="group" aria-label={label}>
      {select('network', facets.networks)}
      {select('territory', facets.territories)}
      {select('interviewer', facets.interviewers)}
      <label className="filter">
        <span>{t('exchange.from')}</span>
        <input type="date" value={selection.from} onChange={(event) => { onChange({ ...selection, from: event.target.value }); }} />
      </label>
      <label className="filter">
        <span>{t('exchange.to')}</span>
        <input type="date" value={selection.to} onChange={(event) => { onChange({ ...selection, to: event.target.value }); }} />
      </label>
    </div>
  );
}
