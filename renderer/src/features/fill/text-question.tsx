/** One-line answers: a text, the "please specify" text of an "Other" choice, a date. */
import { useFill } from './fill-context';
import { enterMovesOn } from './focus';
import { QuestionFrame } from './question-frame';
import type { QuestionProps } from './question-props';

const textOf = (props: QuestionProps) => (typeof props.state.value === 'string' ? props.state.value : '');

export function TextQuestion(props: QuestionProps) {
  const fill = useFill();
  const isOther = props.node.kind === 'other-text';
  return (
    <QuestionFrame {...props} kind="field" className={isOther ? 'question-specify' : undefined}>
      {(ids) => (
        <input
          id={ids.id}
          type="text"
          className="control-text"
          autoComplete="off"
          value={textOf(props)}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.isInvalid || undefined}
          aria-required={props.state.isRequired || undefined}
          onChange={(event) => { fill.change(props.path, event.target.value === '' ? undefined : event.target.value); }}
          onKeyDown={enterMovesOn}
        />
      )}
    </QuestionFrame>
  );
}

export function DateQuestion(props: QuestionProps) {
  const fill = useFill();
  return (
    <QuestionFrame {...props} kind="field">
      {(ids) => (
        <input
          id={ids.id}
          type="date"
          className="control-date"
          value={textOf(props)}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.isInvalid || undefined}
          aria-required={props.state.isRequired || undefined}
          onChange={(event) => { fill.change(props.path, event.target.value === '' ? undefined : event.target.value); }}
          onKeyDown={enterMovesOn}
        />
      )}
    </QuestionFrame>
  );
}
