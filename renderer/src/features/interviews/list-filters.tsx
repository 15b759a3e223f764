/** The filters above the interview list: status, form, interviewer, network, territory. */
import { useTranslation } from 'react-i18next';
import { interviewStatuses, type InterviewStatus } from '../../../../core/records/interview';
import type { Facets, ListFilters } from './filter-interviews';
import { hasFilters, noFilters } from './filter-interviews';

interface Props {
  readonly filters: ListFilters;
  readonly facets: Facets;
  readonly onChange: (filters: ListFilters) => void;
}

type FacetField = 'form' | 'interviewer' | 'network' | 'territory';
const facetOf: Record<FacetField, keyof Facets> = { form: 'forms', interviewer: 'interviewers', network: 'networks', territory: 'territories' };

const isStatus = (value: string): value is InterviewStatus => (interviewStatuses as readonly string[]).includes(value);

export function ListFilterBar({ filters, facets, onChange }: Props) {
  const { t } = useTranslation();
  const isFiltered = hasFilters(filters, false);
  const facetSelect = (field: FacetField) => {
    const values = facets[facetOf[field]];
    if (values.length < 2 && filters[field] === '') return null;
    return (
      <label key={field} className="filter">
        <span>{t(`interviews.filters.${field}`)}</span>
        <select value={filters[field]} onChange={(event) => { onChange({ ...filters, [field]: event.target.value }); }}>
          <option value="">{t('interviews.filters.any')}</option>
          {values.map((value) => <option key={value} value={value}>{field === 'form' ? value.replace('@', ' v') : value}</option>)}
        </select>
      </label>
    );
  };
  return (
    <div className="filter-bar" role="group" aria-label={t('interviews.filters.label')}>
      <label className="filter">
        <span>{t('interviews.filters.status')}</span>
        <select
          value={filters.status}
          onChange={(event) => { onChange({ ...filters, status: isStatus(event.target.value) ? event.target.value : '' }); }}
        >
          <option value="">{t('interviews.filters.any')}</option>
          {interviewStatuses.map((status) => <option key={status} value={status}>{t(`interviews.statuses.${status}`)}</option>)}
        </select>
      </label>
      {facetSelect('form')}
      {facetSelect('interviewer')}
      {facetSelect('network')}
      {facetSelect('territory')}
      {isFiltered && (
        <button type="button" onClick={() => { onChange({ ...noFilters, query: filters.query }); }}>
          {t('interviews.filters.reset')}
        </button>
      )}
    </div>
  );
}
