/** The analysis exports made on this computer, newest first: when, with names or codes, in which form, by whom, and what became of the file. */
import { useTranslation } from 'react-i18next';
import type { ExportLogEntry } from '../../data';
import { formatDateTime, formatNumber } from '../../i18n/format';
import { isLanguage } from '../../../../core/shared/language';

export function ExportLogTable({ entries }: { readonly entries: readonly ExportLogEntry[] }) {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const known = (group: 'formats' | 'labels', value: string) => (group === 'formats' ? ['csv', 'xlsx', 'dictionary'] : ['codes', 'fr', 'en']).includes(value);
  return (
    <>
      <h3 id="export-log-title">{t('analysis.logTitle')}</h3>
      {entries.length === 0 ? (
        <p>{t('analysis.logEmpty')}</p>
      ) : (
        <table className="backups-table export-log" aria-labelledby="export-log-title">
          <thead>
            <tr>
              {(['time', 'privacy', 'format', 'labels', 'interviews', 'researcher', 'outcome', 'location'] as const).map((c) => <th key={c} scope="col">{t(`analysis.logColumns.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDateTime(entry.time, language)}</td>
                <td>{t(entry.identified ? 'analysis.privacy.identified' : 'analysis.privacy.pseudonymised')}</td>
                <td>{known('formats', entry.format) ? t(`analysis.formatNames.${entry.format as 'csv'}`) : entry.format}</td>
                <td>{known('labels', entry.labels) ? t(`analysis.labels.${entry.labels as 'codes'}`) : entry.labels}</td>
                <td>{formatNumber(entry.interviews, language)}</td>
                <td>{entry.researcher}</td>
                <td>{t(`analysis.outcomes.${entry.outcome}`)}</td>
                <td>{entry.location}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
