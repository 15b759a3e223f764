/**
 * Why a step was refused. For an incomplete interview: one link per missing or wrong answer,
 * which opens its section and puts focus on it.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { useFill } from './fill-context';
import { pathLabel, sectionOfPath, sectionTitle } from './labels';
import type { LifecycleOutcome } from './use-lifecycle';

export interface LifecycleOutcomeProps {
  readonly id: string;
  readonly outcome: LifecycleOutcome | null;
  readonly goTo: (path: string, section: string) => void;
}

export const LifecycleOutcomeView = memo(function LifecycleOutcomeView({ id, outcome, goTo }: LifecycleOutcomeProps) {
  const { t } = useTranslation();
  const fill = useFill();
  if (!outcome) return null;
  if (outcome.kind === 'message') return <p className="form-summary" role="alert">{t(`lifecycle.${outcome.message}`)}</p>;
  return (
    <div className={`missing-list${outcome.missing.length > 8 ? ' missing-list-long' : ''}`} role="alert">
      <h2>{t('lifecycle.missing', { count: outcome.missing.length })}</h2>
      <p>{t('lifecycle.missingIntro')}</p>
      <ul>
        {outcome.missing.map((problem) => {
          const section = sectionOfPath(fill.form, problem.path) ?? '';
          return (
            <li key={problem.path}>
              <a
                href={routeHref({ screen: 'fill', id, section })}
                onClick={(event) => {
                  event.preventDefault();
                  goTo(problem.path, section);
                }}
              >
                {pathLabel(fill.form, fill.answers, problem.path, fill.lang)}
              </a>
              <span className="missing-section"> — {t('lifecycle.inSection', { section: sectionTitle(fill.form, section, fill.lang) })}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
});
