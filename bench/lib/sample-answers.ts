/**
 * A full set of plausible answers for a form, for benchmarks: every visible-able question gets an
 * answer of its type, and each repeat gets `repeatItems` items.
 */
import { isRepeatInstances, type AnswerValue, type Answers } from '../../core/forms/answers';
import type { CompiledForm, FormNode } from '../../core/forms/model';

function answerFor(node: FormNode, i: number): AnswerValue | undefined {
  const first = node.choices?.[i % Math.max(1, node.choices.length)]?.value ?? 'yes';
  switch (node.kind) {
    case 'text': case 'other-text': return `Réponse ${i}`;
    case 'long-text': return { text: `Nous avons commencé à coopérer en ${1990 + (i % 30)} parce que…`, lang: 'fr', translation: { lang: 'en', text: 'We started cooperating because…' } };
    case 'integer': return 'min' in node.question && node.question.min !== undefined ? node.question.min + 1 : 2000 + (i % 20);
    case 'decimal': return 12.5;
    case 'date': return '2026-05-19';
    case 'single-choice': return node.name.endsWith('_done') || node.name.includes('consent') || node.name.includes('read') ? 'yes' : first;
    case 'multiple-choice': return [first];
    case 'likert5': case 'matrix-item': return String(1 + (i % 5));
    case 'ranking': return (node.choices ?? []).slice(0, 'rank' in node.question ? node.question.rank : 3).map((c) => c.value);
    default: return undefined;
  }
}

export function sampleAnswers(form: CompiledForm, repeatItems = 10): Answers {
  const answers: Record<string, AnswerValue> = {};
  let i = 0;
  for (const node of form.nodes.values()) {
    i += 1;
    if (node.repeat) continue;
    if (node.kind === 'repeat') {
      const children = (form.repeatChildren.get(node.name) ?? []).map((name) => form.nodes.get(name)).filter((n): n is FormNode => n !== undefined);
      answers[node.name] = Array.from({ length: repeatItems }, (_, k) => ({
        id: `item-${k}`,
        answers: Object.fromEntries(children.flatMap((child, j): [string, AnswerValue][] => {
          const value = answerFor(child, k + j);
          return value === undefined ? [] : [[child.name, value]];
        })),
      }));
      continue;
    }
    const value = answerFor(node, i);
    if (value !== undefined) answers[node.name] = value;
  }
  return answers;
}

/** How many answers a set holds, counting each answer inside repeat items. */
export function countAnswers(answers: Answers): number {
  let count = 0;
  for (const value of Object.values(answers)) {
    if (isRepeatInstances(value) && value.length > 0) {
      for (const item of value) count += Object.keys(item.answers).length;
    } else count += 1;
  }
  return count;
}
