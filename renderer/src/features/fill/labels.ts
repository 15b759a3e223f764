/** How the fill screen names things: questions by path, sections by title, repeat items by number. */
import { isRepeatInstances, type Answers } from '../../../../core/forms/answers';
import type { CompiledForm, FormNode } from '../../../../core/forms/model';
import type { RepeatQuestion } from '../../../../core/forms/schema';
import type { Language } from '../../../../core/shared/language';
import { parseAnswerPath } from '../../../../core/records/answer-paths';

export function nodeOfPath(form: CompiledForm, path: string): FormNode | undefined {
  const parsed = parseAnswerPath(path);
  return parsed ? form.nodes.get(parsed.name) : undefined;
}

/** The section a stored path belongs to, if the form knows it. */
export function sectionOfPath(form: CompiledForm, path: string): string | undefined {
  return nodeOfPath(form, path)?.section;
}

export function sectionTitle(form: CompiledForm, name: string, lang: Language): string {
  return form.sections.find((s) => s.section.name === name)?.section.title[lang] ?? name;
}

/** "B" for "B. Information et consentement"; the whole title when it has no such prefix. */
export function shortSectionTitle(title: string): string {
  return /^([A-Z0-9]{1,3})\.\s/.exec(title)?.[1] ?? title;
}

/** 1-based position of a repeat item, or 0 when it is gone. */
export function itemNumber(answers: Answers, repeat: string, itemId: string): number {
  const instances = answers[repeat];
  return isRepeatInstances(instances) ? instances.findIndex((i) => i.id === itemId) + 1 : 0;
}

export function repeatQuestion(form: CompiledForm, repeat: string): RepeatQuestion | undefined {
  const question = form.nodes.get(repeat)?.question;
  return question?.type === 'repeat' ? question : undefined;
}

/** "Partner 2" for an item of a repeat group. */
export function itemTitle(form: CompiledForm, answers: Answers, repeat: string, itemId: string, lang: Language): string {
  const label = repeatQuestion(form, repeat)?.itemLabel[lang] ?? repeat;
  const number = itemNumber(answers, repeat, itemId);
  return number > 0 ? `${label} ${number}` : label;
}

/** A question's label, with its repeat item when it has one: "Partner 2 · Name". */
export function pathLabel(form: CompiledForm, answers: Answers, path: string, lang: Language): string {
  const parsed = parseAnswerPath(path);
  const node = parsed ? form.nodes.get(parsed.name) : undefined;
  if (!parsed || !node) return path;
  const label = node.label[lang];
  return 'repeat' in parsed ? `${itemTitle(form, answers, parsed.repeat, parsed.instance, lang)} · ${label}` : label;
}
