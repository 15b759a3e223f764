/** What a checked form contains, counted for `maillage form check`. */
import type { CompiledForm } from '../../core/forms/model';
import { questionTypes, type Question, type QuestionType, type Text } from '../../core/forms/schema';

export interface FormSummary {
  readonly id: string;
  readonly version: number;
  readonly title: Text;
  readonly sectionCount: number;
  /** Every question as written, those inside repeat groups included, by type (in the format's order). */
  readonly questionsByType: readonly (readonly [QuestionType, number])[];
  readonly questionCount: number;
  /** Each matrix and its number of items (each item is an answer of its own). */
  readonly matrices: readonly { readonly name: string; readonly items: number }[];
  /** Each repeat group and the number of questions asked per item. */
  readonly repeats: readonly { readonly name: string; readonly questions: number }[];
  readonly calculations: readonly string[];
  /** Calculations marked `index: true` (they feed the dashboard and the funders' report). */
  readonly indices: readonly string[];
}

function* allQuestions(form: CompiledForm): Generator<Question> {
  for (const section of form.definition.sections) {
    for (const question of section.questions) {
      yield question;
      if (question.type === 'repeat') yield* question.questions;
    }
  }
}

export function summarizeForm(form: CompiledForm): FormSummary {
  const counts = new Map<QuestionType, number>();
  const matrices: { name: string; items: number }[] = [];
  const repeats: { name: string; questions: number }[] = [];
  const calculations: string[] = [];
  const indices: string[] = [];
  for (const question of allQuestions(form)) {
    counts.set(question.type, (counts.get(question.type) ?? 0) + 1);
    if (question.type === 'matrix') matrices.push({ name: question.name, items: question.items.length });
    if (question.type === 'repeat') repeats.push({ name: question.name, questions: question.questions.length });
    if (question.type === 'calculate') {
      calculations.push(question.name);
      if (question.index === true) indices.push(question.name);
    }
  }
  const questionsByType = questionTypes.flatMap((type) => {
    const count = counts.get(type);
    return count === undefined ? [] : [[type, count] as const];
  });
  const { definition } = form;
  return {
    id: definition.id,
    version: definition.version,
    title: definition.title,
    sectionCount: definition.sections.length,
    questionsByType,
    questionCount: questionsByType.reduce((sum, [, count]) => sum + count, 0),
    matrices,
    repeats,
    calculations,
    indices,
  };
}
