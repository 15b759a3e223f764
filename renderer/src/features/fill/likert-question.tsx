/** A five-point Likert question: the scale as radios, then "don't know" and "refused" set apart. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LikertCode } from '../../../../core/forms/answers';
import { useFill } from './fill-context';
import { anchorOf, outsideCodes, pointFromKey, scalePoints } from './likert';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

export function LikertQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  const { state, path } = props;
  const value = typeof state.value === 'string' ? state.value : '';
  const choose = (code: LikertCode) => { fill.change(path, code); };

  const radio = (code: LikertCode, className: string, label: ReactNode) => (
    <label key={code} className={className}>
      <input type="radio" name={path} value={code} checked={value === code} onChange={() => { choose(code); }} />
      {label}
    </label>
  );

  return (
    <QuestionFrame
      {...props}
      kind="radiogroup"
      className="likert"
      onKeyDown={(event) => {
        const point = pointFromKey(event);
        if (point) choose(point);
      }}
    >
      {() => (
        <div className="likert-row">
          <div className="likert-scale">
            {scalePoints.map((code) => {
              const anchor = anchorOf(t, code);
              return radio(code, 'likert-point', (
                <>
                  <span className="likert-number">{code}</span>
                  {anchor && <span className="likert-anchor">{anchor}</span>}
                </>
              ));
            })}
          </div>
          <div className="likert-outside">
            {outsideCodes.map((code) => radio(code, 'likert-point likert-point-outside', <span>{t(`fill.likert.${code}`)}</span>))}
          </div>
        </div>
      )}
    </QuestionFrame>
  );
}
