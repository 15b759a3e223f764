/**
 * A repeat group (e.g. the partners of section L): one fieldset per item with its questions,
 * an add button, and a remove button behind a confirmation. Adding and removing go through the
 * repository (after the queued answers are written), and the screen takes the stored items back.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isRepeatInstances } from '../../../../core/forms/answers';
import { ConfirmDialog } from '../../ui/confirm-dialog';
import { useFill } from './fill-context';
import { firstControl } from './focus';
import { Question } from './question';
import { RequiredMark, useQuestionError, useQuestionFocus } from './question-frame';
import type { QuestionProps } from './question-props';

export function RepeatQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  const { node, state, path } = props;
  const labelId = useId();
  const hintId = useId();
  const errorId = useId();
  const rootRef = useRef<HTMLElement>(null);
  const focusAfter = useRef<'added' | 'removed' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [hasFailed, setFailed] = useState(false);
  const error = useQuestionError(props);
  const focus = useQuestionFocus(path);
  const raw = fill.answers[node.name];
  const items = isRepeatInstances(raw) ? raw : [];
  const itemsKey = items.map((i) => i.id).join(' ');

  // Set before the change is asked for: an added item gets focus, after a removal the add button.
  useEffect(() => {
    const request = focusAfter.current;
    focusAfter.current = null;
    const root = rootRef.current;
    if (request === null || !root) return;
    const target = request === 'added'
      ? [...root.querySelectorAll('[data-item]')].at(-1)
      : root.querySelector<HTMLElement>('[data-repeat-add]');
    const control = target instanceof HTMLButtonElement ? target : target ? firstControl(target) : null;
    control?.focus();
  }, [itemsKey]);

  if (node.question.type !== 'repeat') return null;
  const { addLabel, itemLabel, maxCount } = node.question;
  const hint = node.question.hint?.[fill.lang];
  const children = (fill.form.repeatChildren.get(node.name) ?? []).filter((name) => fill.form.nodes.get(name)?.parent === undefined);
  const isAtMax = maxCount !== undefined && items.length >= maxCount;
  const titleOf = (index: number) => t('fill.repeat.item', { label: itemLabel[fill.lang], number: index + 1 });
  const confirmingIndex = items.findIndex((i) => i.id === confirming);

  const run = async (request: 'added' | 'removed', work: () => Promise<boolean>) => {
    setBusy(true);
    focusAfter.current = request;
    const isDone = await work();
    if (!isDone) focusAfter.current = null;
    setBusy(false);
    setFailed(!isDone);
  };
  const add = () => { void run('added', async () => (await fill.addItem(node.name)) !== null); };
  const remove = (itemId: string) => {
    setConfirming(null);
    void run('removed', () => fill.removeItem(node.name, itemId));
  };

  return (
    <section ref={rootRef} className="question question-repeat" aria-labelledby={labelId} data-path={path} {...focus}>
      <h3 id={labelId} className="question-label">{node.label[fill.lang]}<RequiredMark isRequired={state.isRequired} /></h3>
      {hint && <p id={hintId} className="question-hint">{hint}</p>}
      {items.length === 0 && <p className="repeat-empty">{t('fill.repeat.empty')}</p>}
      {items.map((item, index) => (
        <fieldset key={item.id} className="repeat-item" data-item={item.id}>
          <legend>{titleOf(index)}</legend>
          {children.map((name) => <Question key={name} name={name} prefix={`${node.name}[${item.id}]`} />)}
          <div className="repeat-item-actions">
            <button type="button" className="danger" disabled={isBusy} onClick={() => { setConfirming(item.id); }}>
              {t('fill.repeat.remove')}<span className="visually-hidden"> — {titleOf(index)}</span>
            </button>
          </div>
        </fieldset>
      ))}
      {error && <p id={errorId} className="question-error">{error}</p>}
      {hasFailed && <p className="question-error" role="alert">{t('fill.repeat.failed')}</p>}
      <div className="repeat-actions">
        <button
          type="button"
          data-repeat-add=""
          disabled={isBusy || isAtMax}
          aria-describedby={[hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined}
          onClick={add}
        >
          <span aria-hidden="true">+ </span>{addLabel[fill.lang]}
        </button>
        {isAtMax && <span className="repeat-full">{t('fill.repeat.full', { max: maxCount })}</span>}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={t('fill.repeat.confirmTitle', { item: titleOf(confirmingIndex) })}
        body={t('fill.repeat.confirmBody', { item: titleOf(confirmingIndex) })}
        confirmLabel={t('fill.repeat.confirm')}
        cancelLabel={t('fill.repeat.cancel')}
        onConfirm={() => { if (confirming !== null) remove(confirming); }}
        onCancel={() => { setConfirming(null); }}
      />
    </section>
  );
}
