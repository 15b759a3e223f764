/** The two lists of the forms screen: built-in forms, and forms the researcher installed. */
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../../../core/shared/dates';
import type { Language } from '../../../../core/shared/language';
import { formatIsoDate } from '../../i18n/format';
import type { CatalogueEntry } from './use-form-catalogue';

interface TableProps {
  readonly entries: readonly CatalogueEntry[];
  readonly language: Language;
  readonly labelledBy: string;
  readonly testId: string;
}

function TitleCell({ entry, language }: { entry: CatalogueEntry; language: Language }) {
  const { t } = useTranslation();
  return <td className="form-title">{entry.title ? entry.title[language] : <em>{t('forms.damaged')}</em>}</td>;
}

export function BuiltInFormsTable({ entries, language, labelledBy, testId }: TableProps) {
  const { t } = useTranslation();
  return (
    <table className="forms-table" aria-labelledby={labelledBy} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('forms.columns.title')}</th>
          <th scope="col">{t('forms.columns.id')}</th>
          <th scope="col">{t('forms.columns.version')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.key} data-key={entry.key}>
            <TitleCell entry={entry} language={language} />
            <td><code>{entry.id}</code></td>
            <td>{entry.version}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function InstalledFormsTable({ entries, language, labelledBy, testId }: TableProps) {
  const { t } = useTranslation();
  if (entries.length === 0) return <p className="forms-empty" data-testid={testId}>{t('forms.noneInstalled')}</p>;
  return (
    <table className="forms-table" aria-labelledby={labelledBy} data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t('forms.columns.title')}</th>
          <th scope="col">{t('forms.columns.id')}</th>
          <th scope="col">{t('forms.columns.version')}</th>
          <th scope="col">{t('forms.columns.file')}</th>
          <th scope="col">{t('forms.columns.installedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.key} data-key={entry.key}>
            <TitleCell entry={entry} language={language} />
            <td><code>{entry.id}</code></td>
            <td>{entry.version}</td>
            <td>{entry.fileName}</td>
            <td>{entry.installedAt ? formatIsoDate(toIsoDate(new Date(entry.installedAt)), language) : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
