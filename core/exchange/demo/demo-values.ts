/** Answer values by type, for demo interviews: Likert points with some "don't know", narratives, choices. */
import type { AnswerValue, LikertCode, LongTextAnswer } from '../../forms/answers';
import type { FormNode } from '../../forms/model';
import { englishAnswers, frenchSentences, themesOf, type Theme } from './bank-texts';
import type { Random } from './random';

/** A point near the respondent's leaning; now and then "don't know" or a refusal. */
export function likert(random: Random, leaning: number): LikertCode {
  const roll = random.next();
  if (roll < 0.04) return 'dk';
  if (roll < 0.06) return 'refused';
  const point = Math.round(leaning + (random.next() - 0.5) * 2.4);
  return String(Math.min(5, Math.max(1, point))) as LikertCode;
}

const allThemes = Object.keys(frenchSentences) as Theme[];

/** A narrative answer: one to three sentences on the question's theme, in the respondent's language. */
export function narrative(random: Random, question: string, language: 'fr' | 'en'): LongTextAnswer {
  const themes = themesOf[question] ?? allThemes;
  if (language === 'en' && question !== 'n_observations') {
    const answer = random.pick(englishAnswers);
    // The researcher translates most English answers for the French-reading team.
    return random.chance(0.8) ? { text: answer.text, lang: 'en', translation: { lang: 'fr', text: answer.fr } } : { text: answer.text, lang: 'en' };
  }
  const pool = themes.flatMap((theme) => frenchSentences[theme]);
  const sentences = random.sample(pool, random.weighted([1, 2, 3], [4, 4, 1]));
  return { text: sentences.join(' '), lang: 'fr' };
}

/** Choices of a question without "other", which demo respondents rarely pick. */
export const plainChoices = (node: FormNode): string[] => (node.choices ?? []).map((c) => c.value).filter((v) => v !== 'other');

export function pickChoice(random: Random, node: FormNode): string | undefined {
  const choices = plainChoices(node);
  return choices.length === 0 ? undefined : random.pick(choices);
}

export function pickChoices(random: Random, node: FormNode, max: number, exclusive: readonly string[] = []): string[] {
  const choices = plainChoices(node).filter((v) => !exclusive.includes(v));
  return random.sample(choices, random.int(1, Math.max(1, Math.min(max, choices.length))));
}

function bounded(random: Random, node: FormNode, low: number, high: number): number {
  const q = node.question;
  const min = 'min' in q && q.min !== undefined ? q.min : low;
  const max = 'max' in q && q.max !== undefined ? q.max : high;
  return random.int(Math.ceil(min), Math.floor(Math.max(min, max)));
}

/** A value of the node's type for questions the generator knows nothing else about. */
export function genericValue(random: Random, node: FormNode, date: string): AnswerValue | undefined {
  switch (node.kind) {
    case 'text': case 'other-text': return 'Réponse libre';
    case 'long-text': return narrative(random, node.name, 'fr');
    case 'integer': return bounded(random, node, 0, 100);
    case 'decimal': return bounded(random, node, 0, 1000) / 10;
    case 'date': return date;
    case 'single-choice': return pickChoice(random, node);
    case 'multiple-choice': return pickChoices(random, node, 2);
    case 'likert5': case 'matrix-item': return likert(random, 3);
    case 'ranking': {
      const rank = node.question.type === 'ranking' ? node.question.rank : 3;
      return random.sample(plainChoices(node), rank);
    }
    default: return undefined;
  }
}
