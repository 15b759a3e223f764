/** The interview's status and the steps it can take from there (complete, validate, reopen). */
import { useTranslation } from 'react-i18next';
import type { Interview } from '../../../../core/records/interview';
import { isLanguage } from '../../../../core/shared/language';
import { formatInstant } from './history-format';
import type { Lifecycle } from './use-lifecycle';

export function LifecycleBar({ interview, lifecycle }: { interview: Interview; lifecycle: Lifecycle }) {
  const { t, i18n } = useTranslation();
  const lang = isLanguage(i18n.language) ? i18n.language : 'fr';
  const { status, completedAt, validatedAt, validatedBy } = interview;
  const { isBusy } = lifecycle;
  return (
    <div className="lifecycle-bar" role="group" aria-label={t('lifecycle.label')}>
      <span className={`status-badge status-${status}`}>
        {t(`lifecycle.status.${status}`)}
      </span>
      {completedAt && <span className="lifecycle-date">{t('lifecycle.completedAt', { date: formatInstant(completedAt, lang) })}</span>}
      {validatedAt && (
        <span className="lifecycle-date">
          {validatedBy
            ? t('lifecycle.validatedBy', { who: validatedBy, date: formatInstant(validatedAt, lang) })
            : t('lifecycle.validatedAt', { date: formatInstant(validatedAt, lang) })}
        </span>
      )}
      <span className="lifecycle-actions">
        {status === 'draft' && (
          <button type="button" className="primary" disabled={isBusy} onClick={lifecycle.complete}>{t('lifecycle.complete')}</button>
        )}
        {status === 'complete' && (
          <button type="button" className="primary" disabled={isBusy} onClick={lifecycle.validate}>{t('lifecycle.validate')}</button>
        )}
        {status !== 'draft' && (
          <button type="button" disabled={isBusy} onClick={lifecycle.reopen}>{t('lifecycle.reopen')}</button>
        )}
      </span>
    </div>
  );
}
