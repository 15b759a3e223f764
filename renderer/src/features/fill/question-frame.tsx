/**
 * The frame every answerable question shares: its label (or legend), required mark, hint and
 * error, wired to the control with ids, plus the focus bookkeeping (remember where the
 * researcher is; show errors once the question is left).
 */
import { useId, type FocusEvent, type KeyboardEventHandler, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerProblem } from '../../../../core/forms/answer-check';
import { useFill, type FillApi } from './fill-context';
import { isLeaving } from './focus';
import { problemText } from './problem-messages';
import type { QuestionProps } from './question-props';

export interface ControlIds {
  readonly id: string;
  readonly labelId: string;
  readonly describedBy: string | undefined;
  readonly isInvalid: boolean;
}

export function RequiredMark({ isRequired }: { isRequired: boolean }) {
  const { t } = useTranslation();
  if (!isRequired) return null;
  return (
    <span className="required-mark">
      <span aria-hidden="true"> *</span>
      <span className="visually-hidden"> ({t('fill.required')})</span>
    </span>
  );
}

/** Errors wait until the question was left (or an attempt to complete); a stored value of the wrong type is said at once. */
export function shownProblem(fill: FillApi, path: string, problem: AnswerProblem | undefined): AnswerProblem | undefined {
  if (!problem) return undefined;
  return problem.code === 'invalid-type' || fill.isShowingErrors(path) ? problem : undefined;
}

export function useQuestionError({ node, state, path }: QuestionProps, localError?: string): string | undefined {
  const { t } = useTranslation();
  const fill = useFill();
  if (localError !== undefined) return localError;
  const problem = shownProblem(fill, path, state.problem);
  return problem ? problemText(t, fill.lang, node, problem) : undefined;
}

export function useQuestionFocus(path: string) {
  const fill = useFill();
  return {
    // Only the innermost question counts: focus in a partner's name is on that name, not on the partners.
    onFocus: (event: FocusEvent<HTMLElement>) => {
      if (event.target.closest('[data-path]') === event.currentTarget) fill.visit(path);
    },
    onBlur: (event: FocusEvent<HTMLElement>) => { if (isLeaving(event.currentTarget, event.relatedTarget)) fill.touch(path); },
  };
}

export interface QuestionFrameProps extends QuestionProps {
  /** `field`: one labelled control; `group`: a fieldset of checkboxes; `radiogroup`: a fieldset of radios. */
  readonly kind: 'field' | 'group' | 'radiogroup';
  /** What is wrong with the text on screen (e.g. not a number), shown at once. */
  readonly localError?: string | undefined;
  readonly className?: string | undefined;
  readonly onKeyDown?: KeyboardEventHandler<HTMLElement> | undefined;
  /** Drawn after the error (e.g. the language and translation of a narrative answer). */
  readonly after?: ReactNode;
  readonly children: (ids: ControlIds) => ReactNode;
}

export function QuestionFrame(props: QuestionFrameProps) {
  const { node, state, path, kind, localError, className, onKeyDown, after, children } = props;
  const fill = useFill();
  const id = useId();
  const labelId = `${id}-label`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const error = useQuestionError(props, localError);
  const focus = useQuestionFocus(path);
  const hint = node.kind === node.question.type ? node.question.hint?.[fill.lang] : undefined;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  const ids: ControlIds = { id: `${id}-control`, labelId, describedBy, isInvalid: error !== undefined };
  const classes = ['question', `question-${node.kind}`, error ? 'question-invalid' : '', className ?? ''].filter(Boolean).join(' ');
  const label = (
    <>
      {node.label[fill.lang]}
      {/* "Please specify" alone is ambiguous to a screen reader: say what it specifies. */}
      {node.kind === 'other-text' && <span className="visually-hidden"> — {node.question.label[fill.lang]}</span>}
      <RequiredMark isRequired={state.isRequired} />
    </>
  );
  const body = (
    <>
      {hint && <p id={hintId} className="question-hint">{hint}</p>}
      {children(ids)}
      {error && <p id={errorId} className="question-error">{error}</p>}
      {after}
    </>
  );

  if (kind === 'field') {
    return (
      <div className={classes} data-question="" data-path={path} onKeyDown={onKeyDown} {...focus}>
        <label id={labelId} htmlFor={ids.id} className="question-label">{label}</label>
        {body}
      </div>
    );
  }
  const isRadio = kind === 'radiogroup';
  return (
    <fieldset
      className={classes}
      data-question=""
      data-path={path}
      role={isRadio ? 'radiogroup' : undefined}
      aria-labelledby={labelId}
      aria-describedby={describedBy}
      aria-invalid={isRadio && error ? true : undefined}
      aria-required={isRadio && state.isRequired ? true : undefined}
      onKeyDown={onKeyDown}
      {...focus}
    >
      <legend id={labelId} className="question-label">{label}</legend>
      {body}
    </fieldset>
  );
}
