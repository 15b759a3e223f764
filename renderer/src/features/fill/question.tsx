/** Draws one question by its type, or nothing when the engine hides it. */
import { useFill } from './fill-context';
import { MultipleChoiceQuestion, SingleChoiceQuestion } from './choice-questions';
import { CalculatedValue, NoteQuestion } from './display-questions';
import { LikertQuestion } from './likert-question';
import { LongTextQuestion } from './long-text-question';
import { MatrixQuestion } from './matrix-question';
import { NumberQuestion } from './number-question';
import type { QuestionProps } from './question-props';
import { RankingQuestion } from './ranking-question';
import { RepeatQuestion } from './repeat-question';
import { DateQuestion, TextQuestion } from './text-question';

export function Question({ name, prefix }: { name: string; prefix?: string | undefined }) {
  const fill = useFill();
  const node = fill.form.nodes.get(name);
  const path = prefix === undefined ? name : `${prefix}.${name}`;
  const state = fill.state.nodes.get(path);
  if (!node || !state?.isVisible) return null;
  const props: QuestionProps = { node, state, path, prefix };
  switch (node.kind) {
    case 'text':
    case 'other-text': return <TextQuestion {...props} />;
    case 'long-text': return <LongTextQuestion {...props} />;
    case 'integer':
    case 'decimal': return <NumberQuestion {...props} />;
    case 'date': return <DateQuestion {...props} />;
    case 'single-choice': return <SingleChoiceQuestion {...props} />;
    case 'multiple-choice': return <MultipleChoiceQuestion {...props} />;
    case 'likert5': return <LikertQuestion {...props} />;
    case 'matrix': return <MatrixQuestion {...props} />;
    case 'matrix-item': return null;
    case 'ranking': return <RankingQuestion {...props} />;
    case 'repeat': return <RepeatQuestion {...props} />;
    case 'note': return <NoteQuestion {...props} />;
    case 'calculate': return <CalculatedValue {...props} />;
  }
}
