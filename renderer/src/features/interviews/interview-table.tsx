/**
 * A virtualised table: an ARIA table whose rows outside the scrolled view are not rendered, with
 * aria-rowcount and aria-rowindex so assistive technology still knows the whole size.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InterviewSummary as Interview } from '../../../../core/records/interview';
import { isLanguage } from '../../../../core/shared/language';
import { routeHref } from '../../app/router';
import { formatIsoDate } from '../../i18n/format';
import { sortColumns, type SortColumn, type SortOrder } from './filter-interviews';

const rowHeight = 44;

interface Props {
  readonly interviews: readonly Interview[];
  readonly sort: SortOrder;
  readonly onSort: (sort: SortOrder) => void;
}

export function InterviewTable({ interviews, sort, onSort }: Props) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualiser's functions are not memoisable by React's compiler; it owns its own state.
  // eslint-disable-next-line react-hooks/incompatible-library -- @tanstack/react-virtual returns fresh functions each render by design
  const virtualizer = useVirtualizer({
    count: interviews.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 8,
    initialRect: { width: 1000, height: 600 },
  });

  return (
    <div className="table" role="table" aria-label={t('interviews.tableLabel')} aria-rowcount={interviews.length + 1}>
      <div className="table-head" role="rowgroup">
        <div className="table-row" role="row" aria-rowindex={1}>
          {sortColumns.map((column) => (
            <div
              key={column}
              className={`cell cell-${column}`}
              role="columnheader"
              aria-sort={sort.column === column ? sort.direction : 'none'}
            >
              <button type="button" className="sort-button" onClick={() => { onSort(nextSort(sort, column)); }}>
                {t(`interviews.columns.${column}`)}
                <span aria-hidden="true" className="sort-mark">{sort.column === column ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
              </button>
            </div>
          ))}
        </div>
      </div>
      <div className="table-body" ref={scrollRef} role="rowgroup">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const interview = interviews[item.index];
            if (!interview) return null;
            return (
              <div
                key={interview.id}
                className="table-row"
                role="row"
                aria-rowindex={item.index + 2}
                style={{ position: 'absolute', top: 0, left: 0, right: 0, height: rowHeight, transform: `translateY(${item.start}px)` }}
              >
                <div className="cell cell-date" role="cell">{formatIsoDate(interview.interviewDate, language)}</div>
                <div className="cell cell-respondent" role="cell">
                  <a
                    href={routeHref({ screen: 'interview', id: interview.id })}
                    aria-label={t('interviews.open', { name: interview.respondentName, firm: interview.firmName })}
                  >
                    {interview.respondentName}
                  </a>
                </div>
                <div className="cell cell-firm" role="cell">{interview.firmName}</div>
                <div className="cell cell-network" role="cell">{interview.networkName}</div>
                <div className="cell cell-commune" role="cell">{interview.commune}</div>
                <div className="cell cell-interviewer" role="cell">{interview.interviewer}</div>
                <div className="cell cell-status" role="cell">
                  <span className={`status-badge status-${interview.status}`}>{t(`interviews.statuses.${interview.status}`)}</span>
                </div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** A click on the sorted column flips its direction; another column starts ascending (dates: newest first). */
function nextSort(current: SortOrder, column: SortColumn): SortOrder {
  if (current.column === column) return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { column, direction: column === 'date' ? 'descending' : 'ascending' };
}
