/** The interview's progress bar and the save status, side by side at the top of the screen. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormState } from '../../../../core/forms/engine';
import type { SaveState } from './use-fill-session';

export function ProgressBar({ progress }: { progress: FormState['progress'] }) {
  const { t } = useTranslation();
  const textId = useId();
  const { requiredAnswered: answered, requiredVisible: total } = progress;
  const text = t('fill.progress.text', { answered, total });
  const percent = total > 0 ? Math.round((answered / total) * 100) : 0;
  return (
    <div className="fill-progress">
      <div
        role="progressbar"
        className="progress-track"
        aria-label={t('fill.progress.label')}
        aria-describedby={textId}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={answered}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span id={textId} className="progress-text">{text}</span>
    </div>
  );
}

export function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  const { t } = useTranslation();
  const text = state === 'saving' ? t('fill.save.saving') : state === 'error' ? t('fill.save.error') : t('fill.save.saved');
  return (
    <div className={`save-status save-${state}`}>
      <p role="status" className="save-text" data-state={state}>
        <span className="save-dot" aria-hidden="true" />
        {text}
      </p>
      {state === 'error' && <button type="button" onClick={onRetry}>{t('fill.save.retry')}</button>}
    </div>
  );
}
