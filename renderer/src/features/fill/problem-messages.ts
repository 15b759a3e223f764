/** The engine's answer problems as sentences in the interface language, the form's own words first. */
import type { TFunction } from 'i18next';
import type { AnswerProblem } from '../../../../core/forms/answer-check';
import type { FormNode } from '../../../../core/forms/model';
import type { Language } from '../../../../core/shared/language';
import { formatPlainNumber } from './numbers';

/** A matrix item speaks with its matrix's messages; an "other" text does not borrow its question's. */
function ownMessages(node: FormNode) {
  return node.kind === 'other-text' ? undefined : node.question;
}

export function problemText(t: TFunction, lang: Language, node: FormNode, problem: AnswerProblem): string {
  switch (problem.code) {
    case 'required': return ownMessages(node)?.requiredMessage?.[lang] ?? t('fill.problems.required');
    case 'constraint': return ownMessages(node)?.constraintMessage?.[lang] ?? t('fill.problems.constraint');
    case 'invalid-type': return t('fill.invalidStored');
    case 'below-min': return t('fill.problems.belowMin', { min: formatPlainNumber(problem.min, lang) });
    case 'above-max': return t('fill.problems.aboveMax', { max: formatPlainNumber(problem.max, lang) });
    case 'too-long': return t('fill.problems.tooLong', { max: formatPlainNumber(problem.max, lang) });
    case 'not-a-choice': return t('fill.problems.notAChoice', { value: problem.value });
    case 'rank-incomplete': return t('fill.problems.rankIncomplete', { count: problem.count });
    case 'too-few-items': return t('fill.problems.tooFewItems', { min: problem.min });
    case 'too-many-items': return t('fill.problems.tooManyItems', { max: problem.max });
  }
}
