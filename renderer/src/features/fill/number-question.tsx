/**
 * Integers and decimals typed as text, so that a French comma works ("12,5"). Text that is not a
 * number stays on screen with an error and is not saved; the stored answer is always a number.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Value } from '../../../../core/forms/expressions/values';
import { useFill } from './fill-context';
import { enterMovesOn } from './focus';
import { formatPlainNumber, parseNumberText } from './numbers';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

interface Draft {
  readonly text: string;
  /** The answer this text goes with; when the answer changes elsewhere, the answer wins. */
  readonly basis: Value;
}

export function NumberQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  const { state, path } = props;
  const isInteger = props.node.kind === 'integer';
  const [draft, setDraft] = useState<Draft | null>(null);
  const current = draft && Object.is(draft.basis, state.value) ? draft : null;
  const text = current ? current.text : typeof state.value === 'number' ? formatPlainNumber(state.value, fill.lang) : '';
  const parsed = current ? parseNumberText(current.text, isInteger) : null;
  const localError = parsed?.kind === 'invalid'
    ? t(parsed.reason === 'integer' ? 'fill.problems.integerExpected' : 'fill.problems.numberExpected')
    : undefined;

  const type = (typed: string) => {
    const next = parseNumberText(typed, isInteger);
    if (next.kind === 'number') {
      setDraft({ text: typed, basis: next.value });
      fill.change(path, next.value);
    } else if (next.kind === 'empty') {
      setDraft({ text: typed, basis: '' });
      fill.change(path, undefined);
    } else {
      setDraft({ text: typed, basis: state.value });
    }
  };

  return (
    <QuestionFrame {...props} kind="field" localError={localError}>
      {(ids) => (
        <input
          id={ids.id}
          type="text"
          inputMode="decimal"
          className="control-number"
          autoComplete="off"
          value={text}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.isInvalid || undefined}
          aria-required={state.isRequired || undefined}
          onChange={(event) => { type(event.target.value); }}
          onKeyDown={enterMovesOn}
        />
      )}
    </QuestionFrame>
  );
}
