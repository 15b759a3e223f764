/**
 * Ranking: the chosen items in order, each with move up / move down / remove, and the other
 * choices with "add to ranking" until `rank` items are ranked. Buttons only, so every step works
 * from the keyboard; focus stays on the item that moved.
 */
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useFill } from './fill-context';
import { firstControl } from './focus';
import { QuestionFrame } from './question-frame';
import { listValue, type QuestionProps } from './question-props';

type Action = 'up' | 'down' | 'remove' | 'add';

/** Where focus goes after an action, since the button pressed may have moved, vanished or become disabled. */
interface FocusAfter {
  readonly value: string;
  readonly action: Action;
  /** For "add": the position in the remaining list, to keep adding from there. */
  readonly index: number;
}

function focusAfterAction(root: HTMLElement, { value, action, index }: FocusAfter): void {
  const button = (item: string, name: Action) =>
    root.querySelector<HTMLButtonElement>(`[data-rank-item="${CSS.escape(item)}"] [data-action="${name}"]:not([disabled])`);
  const remaining = [...root.querySelectorAll<HTMLButtonElement>('[data-action="add"]')];
  let target: HTMLElement | null | undefined = null;
  if (action === 'up') target = button(value, 'up') ?? button(value, 'down');
  if (action === 'down') target = button(value, 'down') ?? button(value, 'up');
  if (action === 'remove') target = button(value, 'add');
  if (action === 'add') target = remaining[Math.min(index, remaining.length - 1)] ?? button(value, 'remove');
  (target ?? firstControl(root))?.focus();
}

export function RankingQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  const { node, state, path } = props;
  const rankedId = useId();
  const remainingId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<FocusAfter | null>(null);
  const ranked = listValue(state.value);
  const choices = state.choices ?? node.choices ?? [];
  const rank = node.question.type === 'ranking' ? node.question.rank : choices.length;
  const wanted = Math.min(rank, choices.length);
  const labelOf = (value: string) => choices.find((c) => c.value === value)?.label[fill.lang] ?? value;
  const remaining = choices.filter((c) => !ranked.includes(c.value));
  const isFull = ranked.length >= wanted;
  const rankedKey = ranked.join('\n');

  useEffect(() => {
    const request = focusAfter.current;
    focusAfter.current = null;
    if (request && rootRef.current) focusAfterAction(rootRef.current, request);
  }, [rankedKey]);

  const update = (next: readonly string[], request: FocusAfter) => {
    focusAfter.current = request;
    fill.change(path, next.length > 0 ? next : undefined);
  };
  const move = (index: number, delta: -1 | 1) => {
    const next = [...ranked];
    const [item] = next.splice(index, 1);
    if (item === undefined) return;
    next.splice(index + delta, 0, item);
    update(next, { value: item, action: delta < 0 ? 'up' : 'down', index });
  };

  return (
    <QuestionFrame {...props} kind="group" className="ranking">
      {() => (
        <div ref={rootRef} className="ranking-body">
          <p id={rankedId} className="ranking-heading">{t('fill.ranking.ranked', { count: ranked.length, rank: wanted })}</p>
          {ranked.length === 0 ? (
            <p className="ranking-empty">{t('fill.ranking.empty')}</p>
          ) : (
            <ol className="ranking-list" aria-labelledby={rankedId}>
              {ranked.map((value, index) => (
                <li key={value} data-rank-item={value}>
                  <span className="ranking-position" aria-hidden="true">{index + 1}.</span>
                  <span className="ranking-label">{labelOf(value)}</span>
                  <span className="ranking-actions">
                    <button type="button" data-action="up" disabled={index === 0} onClick={() => { move(index, -1); }}>
                      <span aria-hidden="true">↑ </span>{t('fill.ranking.up')}<span className="visually-hidden"> — {labelOf(value)}</span>
                    </button>
                    <button type="button" data-action="down" disabled={index === ranked.length - 1} onClick={() => { move(index, 1); }}>
                      <span aria-hidden="true">↓ </span>{t('fill.ranking.down')}<span className="visually-hidden"> — {labelOf(value)}</span>
                    </button>
                    <button type="button" data-action="remove" onClick={() => { update(ranked.filter((v) => v !== value), { value, action: 'remove', index }); }}>
                      {t('fill.ranking.remove')}<span className="visually-hidden"> — {labelOf(value)}</span>
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
          {isFull ? (
            <p className="ranking-full">{t('fill.ranking.full')}</p>
          ) : (
            <>
              <p id={remainingId} className="ranking-heading">{t('fill.ranking.remaining')}</p>
              <ul className="ranking-remaining" aria-labelledby={remainingId}>
                {remaining.map((choice, index) => (
                  <li key={choice.value} data-rank-item={choice.value}>
                    <span className="ranking-label">{choice.label[fill.lang]}</span>
                    <button type="button" data-action="add" onClick={() => { update([...ranked, choice.value], { value: choice.value, action: 'add', index }); }}>
                      {t('fill.ranking.add')}<span className="visually-hidden"> — {choice.label[fill.lang]}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </QuestionFrame>
  );
}
