/** What the form shows without asking: notes (with `${name}` filled in) and calculated values. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { interpolate } from '../../../../core/forms/engine';
import { isNumericText, toText, type Value } from '../../../../core/forms/expressions/values';
import type { Language } from '../../../../core/shared/language';
import { useFill } from './fill-context';
import type { QuestionProps } from './question-props';

const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function NoteQuestion({ node, path, prefix }: QuestionProps) {
  const fill = useFill();
  const hint = node.question.hint?.[fill.lang];
  return (
    <div className="question question-note" data-path={path}>
      <p>{interpolate(node.label[fill.lang], fill.state, prefix)}</p>
      {hint && <p className="question-hint">{hint}</p>}
    </div>
  );
}

/** A number with the form's decimals in the interface language; nothing to show is a dash. */
export function formatCalculated(value: Value, decimals: number | undefined, lang: Language): string | null {
  const number = typeof value === 'number' ? value : typeof value === 'string' && isNumericText(value) ? Number(value) : Number.NaN;
  if (Number.isFinite(number)) {
    const digits = decimals === undefined ? { maximumFractionDigits: 2 } : { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
    return new Intl.NumberFormat(locales[lang], digits).format(number);
  }
  const text = typeof value === 'number' ? '' : toText(value).trim();
  return text === '' ? null : text;
}

export function CalculatedValue({ node, state, path }: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  const id = useId();
  const hintId = useId();
  if (node.question.type !== 'calculate' || node.question.show !== true) return null;
  const hint = node.question.hint?.[fill.lang];
  const shown = formatCalculated(state.value, node.question.decimals, fill.lang);
  return (
    <div className="question question-calculated" data-path={path}>
      <label htmlFor={id} className="question-label">{node.label[fill.lang]}</label>
      <output id={id} className="calculated-value" aria-describedby={hint ? hintId : undefined}>
        {shown ?? t('fill.calculated.none')}
      </output>
      <p id={hintId} className="question-hint">{hint ? `${hint} ` : ''}{t('fill.calculated.auto')}</p>
    </div>
  );
}
