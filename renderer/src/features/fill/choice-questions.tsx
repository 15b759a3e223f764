/**
 * Choice questions: a radio group (a select beyond eight choices) or checkboxes, offering the
 * choices the engine keeps after any filter; the "please specify" text follows when "Other" is chosen.
 */
import { useTranslation } from 'react-i18next';
import type { Choice } from '../../../../core/forms/schema';
import { useFill } from './fill-context';
import { Question } from './question';
import { QuestionFrame } from './question-frame';
import { listValue, type QuestionProps } from './question-props';

/** Beyond this many choices, a list of radios gets too long to scan: a select is used instead. */
const maxRadios = 8;

const offered = ({ state, node }: QuestionProps): readonly Choice[] => state.choices ?? node.choices ?? [];

function SpecifyOther({ node, prefix }: QuestionProps) {
  const hasOther = 'other' in node.question && node.question.other === true;
  return hasOther ? <Question name={`${node.name}_other`} prefix={prefix} /> : null;
}

export function SingleChoiceQuestion(props: QuestionProps) {
  const { t } = useTranslation();
  const fill = useFill();
  const { state, path } = props;
  const choices = offered(props);
  const value = typeof state.value === 'string' ? state.value : '';
  const choose = (code: string) => { fill.change(path, code === '' ? undefined : code); };

  if (choices.length > maxRadios) {
    return (
      <>
        <QuestionFrame {...props} kind="field">
          {(ids) => (
            <select
              id={ids.id}
              className="control-select"
              value={value}
              aria-describedby={ids.describedBy}
              aria-invalid={ids.isInvalid || undefined}
              aria-required={state.isRequired || undefined}
              onChange={(event) => { choose(event.target.value); }}
            >
              <option value="">{t('fill.choice.placeholder')}</option>
              {choices.map((choice) => <option key={choice.value} value={choice.value}>{choice.label[fill.lang]}</option>)}
            </select>
          )}
        </QuestionFrame>
        <SpecifyOther {...props} />
      </>
    );
  }
  return (
    <>
      <QuestionFrame {...props} kind="radiogroup">
        {() => (
          <div className="choice-list">
            {choices.map((choice) => (
              <label key={choice.value} className="choice">
                <input type="radio" name={path} value={choice.value} checked={value === choice.value} onChange={() => { choose(choice.value); }} />
                <span>{choice.label[fill.lang]}</span>
              </label>
            ))}
          </div>
        )}
      </QuestionFrame>
      <SpecifyOther {...props} />
    </>
  );
}

export function MultipleChoiceQuestion(props: QuestionProps) {
  const fill = useFill();
  const { state, path } = props;
  const choices = offered(props);
  const selected = listValue(state.value);
  // Codes no longer offered (after a filter changed) are dropped on the next change.
  const toggle = (code: string, isOn: boolean) => {
    const next = choices.map((c) => c.value).filter((v) => (v === code ? isOn : selected.includes(v)));
    fill.change(path, next.length > 0 ? next : undefined);
  };
  return (
    <>
      <QuestionFrame {...props} kind="group">
        {(ids) => (
          <div className="choice-list">
            {choices.map((choice) => (
              <label key={choice.value} className="choice">
                <input
                  type="checkbox"
                  value={choice.value}
                  checked={selected.includes(choice.value)}
                  aria-invalid={ids.isInvalid || undefined}
                  onChange={(event) => { toggle(choice.value, event.target.checked); }}
                />
                <span>{choice.label[fill.lang]}</span>
              </label>
            ))}
          </div>
        )}
      </QuestionFrame>
      <SpecifyOther {...props} />
    </>
  );
}
