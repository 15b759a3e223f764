/** The list of sections at the side: how far each one is, which are locked, where problems are. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { routeHref } from '../../app/router';
import { useFill } from './fill-context';
import { sectionOfPath } from './labels';

function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
      <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
    </svg>
  );
}

/** Memoised: a change of save status alone does not redraw the list. */
export const SectionNav = memo(function SectionNav({ id, current }: { id: string; current: string }) {
  const { t } = useTranslation();
  const fill = useFill();
  const problemCount = new Map<string, number>();
  for (const problem of fill.state.problems) {
    // Unanswered questions count as problems only once the researcher asked to complete.
    if (problem.problem?.code === 'required' && !fill.isShowingErrors(problem.path)) continue;
    const section = sectionOfPath(fill.form, problem.path);
    if (section) problemCount.set(section, (problemCount.get(section) ?? 0) + 1);
  }

  return (
    <nav className="fill-nav" aria-label={t('fill.nav.label')}>
      <ol>
        {fill.form.sections.map(({ section }, index) => {
          const state = fill.state.sections[index];
          if (!state) return null;
          const problems = problemCount.get(section.name) ?? 0;
          const isDone = state.isVisible && state.requiredAnswered === state.requiredVisible && state.requiredVisible > 0;
          const classes = ['fill-nav-link', state.isLocked ? 'is-locked' : '', !state.isVisible ? 'is-off' : '', isDone ? 'is-done' : ''];
          return (
            <li key={section.name}>
              <a
                href={routeHref({ screen: 'fill', id, section: section.name })}
                className={classes.filter(Boolean).join(' ')}
                aria-current={section.name === current ? 'step' : undefined}
              >
                <span className="fill-nav-title">{section.title[fill.lang]}</span>
                <span className="fill-nav-meta">
                  {state.isLocked ? (
                    <span className="fill-nav-lock"><LockIcon /> {t('fill.nav.locked')}</span>
                  ) : !state.isVisible ? (
                    <span>{t('fill.nav.notApplicable')}</span>
                  ) : state.requiredVisible > 0 ? (
                    <span className="fill-nav-count">
                      <span aria-hidden="true">{t('fill.nav.completion', { answered: state.requiredAnswered, total: state.requiredVisible })}</span>
                      <span className="visually-hidden">{t('fill.nav.completionLong', { answered: state.requiredAnswered, total: state.requiredVisible })}</span>
                    </span>
                  ) : null}
                  {problems > 0 && <span className="fill-nav-problems">{t('fill.nav.problems', { count: problems })}</span>}
                </span>
              </a>
            </li>
          );
        })}
      </ol>
    </nav>
  );
});
