/**
 * Where an answer sits: `name` at the top of the interview, or `repeat[itemId].name` inside one
 * item of a repeat group. Answers are replaced, never mutated, so that a save writes a new whole.
 */
import { isRepeatInstances, type AnswerValue, type Answers, type RepeatInstance } from '../forms/answers';

export type AnswerPath =
  | { readonly name: string }
  | { readonly repeat: string; readonly instance: string; readonly name: string };

const pathPattern = /^(?:([A-Za-z_][A-Za-z0-9_]*)\[([A-Za-z0-9-]{1,64})\]\.)?([A-Za-z_][A-Za-z0-9_]*)$/;

export function parseAnswerPath(path: string): AnswerPath | null {
  const match = pathPattern.exec(path);
  if (!match?.[3]) return null;
  return match[1] && match[2] ? { repeat: match[1], instance: match[2], name: match[3] } : { name: match[3] };
}

export function formatAnswerPath(path: AnswerPath): string {
  return 'repeat' in path ? `${path.repeat}[${path.instance}].${path.name}` : path.name;
}

const instancesOf = (answers: Answers, repeat: string): readonly RepeatInstance[] => {
  const value = answers[repeat];
  return isRepeatInstances(value) ? value : [];
};

const withValue = (answers: Answers, name: string, value: AnswerValue | undefined): Answers => {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) {
    const { [name]: _cleared, ...rest } = answers;
    return rest;
  }
  return { ...answers, [name]: value };
};

export function getAnswer(answers: Answers, path: AnswerPath): AnswerValue | undefined {
  if (!('repeat' in path)) return answers[path.name];
  return instancesOf(answers, path.repeat).find((i) => i.id === path.instance)?.answers[path.name];
}

/** Sets (or, with undefined or an empty value, clears) one answer. Unknown repeat items are left alone. */
export function setAnswer(answers: Answers, path: AnswerPath, value: AnswerValue | undefined): Answers {
  if (!('repeat' in path)) return withValue(answers, path.name, value);
  const instances = instancesOf(answers, path.repeat);
  if (!instances.some((i) => i.id === path.instance)) return answers;
  return {
    ...answers,
    [path.repeat]: instances.map((i) => (i.id === path.instance ? { id: i.id, answers: withValue(i.answers, path.name, value) } : i)),
  };
}

export function addRepeatItem(answers: Answers, repeat: string, id: string): Answers {
  return { ...answers, [repeat]: [...instancesOf(answers, repeat), { id, answers: {} }] };
}

export function removeRepeatItem(answers: Answers, repeat: string, id: string): Answers {
  return withValue(answers, repeat, instancesOf(answers, repeat).filter((i) => i.id !== id));
}
