/** Where a conflict's third value is given, as its question asks for it: typed, picked from a list, or ticked. */
import { useTranslation } from 'react-i18next';
import { likertCodes } from '../../../../core/forms/answers';
import { isLanguage } from '../../../../core/shared/language';
import { likertName } from '../fill/likert';
import type { ThirdValue } from './conflict-values';

export interface ThirdInputProps {
  readonly kind: NonNullable<ThirdValue>;
  readonly value: string | readonly string[];
  readonly onChange: (value: string | readonly string[]) => void;
  /** The message saying what is wrong with the value given, if any. */
  readonly problemId: string | undefined;
}

export function ThirdValueInput({ kind, value, onChange, problemId }: ThirdInputProps) {
  const invalid = problemId === undefined ? {} : { 'aria-invalid': true, 'aria-describedby': problemId };
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'fr';
  const typed = typeof value === 'string' ? value : '';
  if (kind.kind === 'choices') {
    const ticked = typeof value === 'string' ? [] : value;
    return (
      <fieldset className="conflict-other-choices" {...(problemId === undefined ? {} : { 'aria-describedby': problemId })}>
        <legend>{t('conflicts.other')}</legend>
        {kind.choices.map((choice) => (
          <label key={choice.value}>
            <input
              type="checkbox"
              checked={ticked.includes(choice.value)}
              onChange={(event) => { onChange(event.target.checked ? [...ticked, choice.value] : ticked.filter((code) => code !== choice.value)); }}
            />
            {choice.label[language]}
          </label>
        ))}
      </fieldset>
    );
  }
  if (kind.kind === 'choice' || kind.kind === 'likert') {
    const options = kind.kind === 'choice' ? kind.choices.map((choice) => ({ code: choice.value, label: choice.label[language] })) : likertCodes.map((code) => ({ code, label: likertName(t, code) }));
    return (
      <label>
        {t('conflicts.other')}
        <select {...invalid} value={typed} onChange={(event) => { onChange(event.target.value); }}>
          <option value="">{t('conflicts.pick')}</option>
          {options.map((option) => <option key={option.code} value={option.code}>{option.label}</option>)}
        </select>
      </label>
    );
  }
  return (
    <label>
      {t('conflicts.other')}
      <input
        {...invalid}
        type={kind.kind === 'date' ? 'date' : 'text'}
        inputMode={kind.kind === 'integer' || kind.kind === 'decimal' ? 'decimal' : undefined}
        value={typed}
        onChange={(event) => { onChange(event.target.value); }}
      />
    </label>
  );
}
