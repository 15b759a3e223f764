/**
 * The interview list, newest first, with a search box. Only the rows in view are rendered, so
 * ten thousand interviews open as fast as ten.
 */
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { EmptyDatabaseBanner } from '../backups/empty-database-banner';
import { useServices } from '../../app/services';
import { prefetchDefaultForm } from '../forms/registry';
import { InterviewTable } from './interview-table';
import { defaultSort, facetsOf, hasFilters, filterInterviews, indexForSearch, noFilters, sortInterviews, type ListFilters, type SortOrder } from './filter-interviews';
import { ListFilterBar } from './list-filters';
import { storageMessage } from './messages';
import { useInterviewList } from './use-interviews';

export function InterviewList() {
  const { t, i18n } = useTranslation();
  const list = useInterviewList();
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const [sort, setSort] = useState<SortOrder>(defaultSort);
  const query = filters.query;
  const deferredFilters = useDeferredValue(filters);
  const deferredQuery = deferredFilters.query;
  const all = list.state === 'ready' ? list.value.interviews : null;
  const collator = useMemo(() => new Intl.Collator(i18n.language, { sensitivity: 'base', numeric: true }), [i18n.language]);
  const sorted = useMemo(() => (all ? sortInterviews(all, sort, collator) : []), [all, sort, collator]);
  const index = useMemo(() => indexForSearch(sorted), [sorted]);
  const facets = useMemo(() => facetsOf(all ?? [], collator), [all, collator]);
  const shown = useMemo(() => filterInterviews(index, deferredFilters), [index, deferredFilters]);
  const isFiltered = hasFilters(filters);

  useEffect(() => {
    if (list.state === 'ready') performance.mark('maillage:list-filtered');
  }, [shown, list.state]);
  const isReady = list.state === 'ready';

  const { storage } = useServices();
  useEffect(() => {
    if (!isReady) return;
    performance.mark('maillage:list-ready');
    prefetchDefaultForm(storage.forms);
  }, [isReady, storage]);

  return (
    <section className="interview-list" aria-labelledby="list-title" data-ready={isReady ? 'true' : 'false'}>
      <div className="list-header">
        <h1 id="list-title">{t('interviews.title')}</h1>
        <a className="button primary" href={routeHref({ screen: 'new-interview' })}>{t('interviews.new')}</a>
      </div>
      {list.state === 'error' && <p role="alert">{storageMessage(t, list.error)}</p>}
      {list.state === 'loading' && <p>{t('app.loading')}</p>}
      {all && (
        <>
          <div className="list-tools">
            <label className="search">
              <span className="visually-hidden">{t('interviews.searchLabel')}</span>
              <input
                type="search"
                value={query}
                placeholder={t('interviews.searchPlaceholder')}
                aria-label={t('interviews.searchLabel')}
                onChange={(event) => { setFilters({ ...filters, query: event.target.value }); }}
              />
            </label>
            <p className="list-count" aria-live="polite">
              {!isFiltered
                ? t('interviews.count', { count: all.length })
                : t('interviews.countFiltered', { shown: shown.length, total: all.length })}
            </p>
          </div>
          <ListFilterBar filters={filters} facets={facets} onChange={setFilters} />
          {list.state === 'ready' && list.value.unreadable > 0 && (
            <p className="warning">{t('interviews.unreadable', { count: list.value.unreadable })}</p>
          )}
          {all.length === 0 ? (
            <div className="empty-state">
              <EmptyDatabaseBanner />
              <h2>{t('interviews.emptyTitle')}</h2>
              <p>{t('interviews.emptyBody')}</p>
            </div>
          ) : shown.length === 0 ? (
            <p className="empty-state">
              {deferredQuery.trim() === '' ? t('interviews.noMatchFilters') : t('interviews.noMatch', { query: deferredQuery })}
            </p>
          ) : (
            <InterviewTable interviews={shown} sort={sort} onSort={setSort} />
          )}
        </>
      )}
    </section>
  );
}
