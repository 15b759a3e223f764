/** Every text of a form must be there, non-empty, in French and in English. */
import type { FormProblem } from './problems';
import type { FormDefinition, Question, Text } from './schema';

const languages = ['fr', 'en'] as const;

function checkText(text: Text | undefined, property: string, where: { question?: string; section?: string }, out: FormProblem[]): void {
  if (!text) return;
  for (const lang of languages) {
    if (text[lang].trim() === '') out.push({ code: 'missing-translation', ...where, property: `${property}.${lang}` });
  }
}

function checkQuestion(question: Question, out: FormProblem[]): void {
  const where = { question: question.name };
  checkText(question.label, 'label', where, out);
  checkText(question.hint, 'hint', where, out);
  checkText(question.requiredMessage, 'requiredMessage', where, out);
  checkText(question.constraintMessage, 'constraintMessage', where, out);
  if ('choices' in question && Array.isArray(question.choices)) {
    for (const choice of question.choices) checkText(choice.label, `choices[${choice.value}].label`, where, out);
  }
  if (question.type === 'matrix') for (const item of question.items) checkText(item.label, 'label', { question: item.name }, out);
  if (question.type === 'repeat') {
    checkText(question.addLabel, 'addLabel', where, out);
    checkText(question.itemLabel, 'itemLabel', where, out);
    for (const child of question.questions) checkQuestion(child, out);
  }
}

export function collectTranslationProblems(form: FormDefinition): FormProblem[] {
  const out: FormProblem[] = [];
  checkText(form.title, 'title', {}, out);
  checkText(form.description, 'description', {}, out);
  for (const [list, choices] of Object.entries(form.choiceLists ?? {})) {
    for (const choice of choices) checkText(choice.label, `choiceLists.${list}[${choice.value}].label`, {}, out);
  }
  for (const section of form.sections) {
    checkText(section.title, 'title', { section: section.name }, out);
    checkText(section.description, 'description', { section: section.name }, out);
    for (const question of section.questions) checkQuestion(question, out);
  }
  return out;
}
