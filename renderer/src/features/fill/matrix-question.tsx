/**
 * Several statements on one Likert scale: a table whose caption is the question, one row per
 * statement. Each row is a radio group named by its statement; keys 1 to 5 answer the row
 * that has focus.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { LikertCode } from '../../../../core/forms/answers';
import type { FormNode } from '../../../../core/forms/model';
import { useFill } from './fill-context';
import { isLeaving } from './focus';
import { likertName, outsideCodes, pointFromKey, scalePoints } from './likert';
import { problemText } from './problem-messages';
import { RequiredMark, shownProblem } from './question-frame';
import type { QuestionProps } from './question-props';

const columns = [...scalePoints, ...outsideCodes] as const;

function MatrixRow({ item, path }: { item: FormNode; path: string }) {
  const { t } = useTranslation();
  const fill = useFill();
  const labelId = useId();
  const errorId = useId();
  const state = fill.state.nodes.get(path);
  if (!state?.isVisible) return null;
  const value = typeof state.value === 'string' ? state.value : '';
  const problem = shownProblem(fill, path, state.problem);
  const error = problem ? problemText(t, fill.lang, item, problem) : undefined;
  const choose = (code: LikertCode) => { fill.change(path, code); };
  return (
    <tr
      role="radiogroup"
      aria-labelledby={labelId}
      aria-describedby={error ? errorId : undefined}
      aria-invalid={error ? true : undefined}
      aria-required={state.isRequired || undefined}
      className={error ? 'matrix-row-invalid' : undefined}
      data-path={path}
      onFocus={() => { fill.visit(path); }}
      onBlur={(event) => { if (isLeaving(event.currentTarget, event.relatedTarget)) fill.touch(path); }}
      onKeyDown={(event) => {
        const point = pointFromKey(event);
        if (point) choose(point);
      }}
    >
      <th scope="row">
        <span id={labelId}>{item.label[fill.lang]}</span>
        <RequiredMark isRequired={state.isRequired} />
        {error && <span id={errorId} className="question-error">{error}</span>}
      </th>
      {columns.map((code) => (
        <td key={code} className={code === 'dk' ? 'matrix-outside-first' : undefined}>
          {/* The whole cell is the click target; the radio's name says which point it is. */}
          <label className="matrix-cell">
            <input
              type="radio"
              name={path}
              value={code}
              checked={value === code}
              aria-label={likertName(t, code)}
              onChange={() => { choose(code); }}
            />
          </label>
        </td>
      ))}
    </tr>
  );
}

export function MatrixQuestion({ node, path, prefix }: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  if (node.question.type !== 'matrix') return null;
  const hint = node.question.hint?.[fill.lang];
  const itemPath = (name: string) => (prefix === undefined ? name : `${prefix}.${name}`);
  return (
    <div className="question question-matrix" data-question="" data-path={path}>
      <table className="matrix">
        <caption>
          <span className="question-label">{node.label[fill.lang]}</span>
          {hint && <span className="question-hint">{hint}</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="matrix-item-head">{t('fill.likert.items')}</th>
            {scalePoints.map((code) => <th key={code} scope="col">{code}</th>)}
            <th scope="col" className="matrix-outside-first"><abbr title={t('fill.likert.dk')}>{t('fill.likert.dkShort')}</abbr></th>
            <th scope="col"><abbr title={t('fill.likert.refused')}>{t('fill.likert.refusedShort')}</abbr></th>
          </tr>
        </thead>
        <tbody>
          {node.question.items.map((item) => {
            const itemNode = fill.form.nodes.get(item.name);
            return itemNode ? <MatrixRow key={item.name} item={itemNode} path={itemPath(item.name)} /> : null;
          })}
        </tbody>
      </table>
    </div>
  );
}
