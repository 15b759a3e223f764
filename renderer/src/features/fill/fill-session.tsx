/**
 * The open questionnaire: header (where to go back, status, progress, save state), the list of
 * sections, the current section, the change history.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompiledForm } from '../../../../core/forms/model';
import type { Interview } from '../../../../core/records/interview';
import { routeHref } from '../../app/router';
import { FillContext } from './fill-context';
import { ProgressBar, SaveStatus } from './fill-status';
import { HistoryPanel } from './history-panel';
import { LifecycleBar } from './lifecycle-bar';
import { LifecycleOutcomeView } from './lifecycle-outcome';
import { isLeaving } from './focus';
import { sectionOfPath } from './labels';
import { SectionNav } from './section-nav';
import { SectionView } from './section-view';
import { useFillSession } from './use-fill-session';
import { useLifecycle } from './use-lifecycle';
import { useSectionFocus } from './use-section-focus';
import { ConfirmDialog } from '../../ui/confirm-dialog';

export interface FillSessionProps {
  readonly interview: Interview;
  readonly form: CompiledForm;
  /** The section in the address, if any; otherwise the one of the last question touched. */
  readonly section: string | undefined;
}

export function FillSession({ interview: initial, form, section }: FillSessionProps) {
  const { t } = useTranslation();
  const session = useFillSession(initial, form);
  const lifecycle = useLifecycle(session, form);
  const { api, interview } = session;
  const rootRef = useRef<HTMLElement>(null);
  const firstSection = form.sections[0]?.section.name ?? '';
  const isKnown = (name: string | undefined): name is string => name !== undefined && form.sections.some((s) => s.section.name === name);
  const resumeSection = sectionOfPath(form, initial.lastPath);
  const current = isKnown(section) ? section : isKnown(resumeSection) ? resumeSection : firstSection;
  const goTo = useSectionFocus(rootRef, initial.id, current, initial.lastPath);

  const isMarked = useRef(false);
  useEffect(() => {
    if (isMarked.current) return;
    isMarked.current = true;
    performance.mark('maillage:fill-ready');
  }, []);

  const name = interview.respondentName.trim();
  return (
    <FillContext.Provider value={api}>
      <section ref={rootRef} className="fill" aria-labelledby="fill-title" data-ready="true">
        <header className="fill-header">
          <div className="fill-heading">
            <a className="fill-back" href={routeHref({ screen: 'interview', id: interview.id })}>
              <span aria-hidden="true">← </span>{t('fill.backToCover')}
            </a>
            <h1 id="fill-title">{name === '' ? t('fill.untitled') : t('fill.title', { name })}</h1>
            <p className="fill-subtitle">
              {[interview.firmName, interview.networkName].filter((s) => s.trim() !== '').join(' · ')}
              {interview.firmName || interview.networkName ? ' — ' : ''}
              {t('fill.formInfo', { form: form.definition.title[api.lang], version: form.definition.version })}
            </p>
          </div>
          <LifecycleBar interview={interview} lifecycle={lifecycle} />
          <div className="fill-meters">
            <ProgressBar progress={api.state.progress} />
            <SaveStatus state={session.saveState} onRetry={session.retry} />
          </div>
        </header>
        <LifecycleOutcomeView id={interview.id} outcome={lifecycle.outcome} goTo={goTo} />
        <ConfirmDialog
          open={session.pendingWithdrawal !== null}
          title={t('fill.withdrawal.title')}
          body={t('fill.withdrawal.body', { count: session.pendingWithdrawal?.erased ?? 0 })}
          confirmLabel={t('fill.withdrawal.confirm')}
          cancelLabel={t('fill.withdrawal.cancel')}
          onConfirm={() => { void session.confirmWithdrawal(); }}
          onCancel={session.cancelWithdrawal}
        />
        <div className="fill-body">
          <SectionNav id={interview.id} current={current} />
          <form
            className="fill-form"
            noValidate
            onSubmit={(event) => { event.preventDefault(); }}
            onBlur={(event) => { if (isLeaving(event.currentTarget, event.relatedTarget)) void session.flush(); }}
          >
            <SectionView id={interview.id} section={current} />
          </form>
        </div>
        {/* A draft keeps no history, so its keystrokes need not make the panel read it again. */}
        <HistoryPanel id={interview.id} changeCount={interview.status === 'draft' ? 0 : session.changeCount} />
      </section>
    </FillContext.Provider>
  );
}
