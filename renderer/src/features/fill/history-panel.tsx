/**
 * "Change history": every change recorded after the interview was completed, read when the
 * panel is opened and again after each change while it stays open.
 */
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditEntry } from '../../../../core/records/lifecycle';
import { useServices } from '../../app/services';
import { useFill } from './fill-context';
import { describeChange, describeField, formatInstant } from './history-format';

type Entries =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly entries: readonly EditEntry[] }
  | { readonly state: 'error' };

export const HistoryPanel = memo(function HistoryPanel({ id, changeCount }: { id: string; changeCount: number }) {
  const { t } = useTranslation();
  const { storage } = useServices();
  const fill = useFill();
  const [isOpen, setOpen] = useState(false);
  const [entries, setEntries] = useState<Entries>({ state: 'loading' });

  useEffect(() => {
    if (!isOpen) return;
    let isCurrent = true;
    void storage.interviews.history(id).then((result) => {
      if (isCurrent) setEntries(result.ok ? { state: 'ready', entries: result.value } : { state: 'error' });
    });
    return () => { isCurrent = false; };
  }, [isOpen, id, storage, changeCount]);

  let body;
  if (entries.state === 'loading') body = <p>{t('fill.history.loading')}</p>;
  else if (entries.state === 'error') body = <p role="alert">{t('fill.history.failed')}</p>;
  else if (entries.entries.length === 0) body = <p>{t('fill.history.empty')}</p>;
  else {
    body = (
      <table className="history-table">
        <caption className="visually-hidden">{t('fill.history.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fill.history.when')}</th>
            <th scope="col">{t('fill.history.who')}</th>
            <th scope="col">{t('fill.history.what')}</th>
            <th scope="col">{t('fill.history.old')}</th>
            <th scope="col">{t('fill.history.new')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.entries.map((entry, index) => {
            const field = describeField(t, fill.form, fill.answers, entry.field, fill.lang);
            const { before, after } = describeChange(t, field, entry.oldValue, entry.newValue, fill.lang);
            return (
              <tr key={`${entry.at}-${String(index)}`}>
                <td className="history-when">{formatInstant(entry.at, fill.lang)}</td>
                <td>{entry.who === '' ? t('fill.history.unknownWho') : entry.who}</td>
                <th scope="row">{field.kind === 'status' ? t('fill.history.status') : field.label}</th>
                <td className="history-value">{before}</td>
                <td className="history-value">{after}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }

  return (
    <details className="history-panel" onToggle={(event) => { setOpen(event.currentTarget.open); }}>
      <summary>{t('fill.history.title')}</summary>
      {isOpen && body}
    </details>
  );
});
