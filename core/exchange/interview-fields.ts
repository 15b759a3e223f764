/**
 * An interview as a flat set of fields, the unit that merges: each cover field, each status
 * field, each answer, each repeat item (its presence) and each answer inside a repeat item.
 * Two researchers who change different answers of the same interview never conflict.
 */
import { isRepeatInstances, type AnswerValue, type Answers, type RepeatInstance } from '../forms/answers';
import type { Interview } from '../records/interview';

/** The fields that travel between researchers (the rest — last position, timestamps — is local). */
export const syncedScalarFields = [
  'respondentName', 'respondentRole', 'firmName', 'commune', 'networkName', 'interviewDate', 'interviewer',
  'formId', 'formVersion', 'status', 'territory', 'completedAt', 'validatedAt', 'validatedBy', 'createdAt',
] as const;
export type SyncedScalarField = (typeof syncedScalarFields)[number];

export type FlatFields = Readonly<Record<string, unknown>>;

const itemPath = (repeat: string, id: string) => `answers.${repeat}[${id}]`;

export function flattenInterview(interview: Interview): FlatFields {
  const fields: Record<string, unknown> = {};
  for (const field of syncedScalarFields) {
    const value = interview[field];
    if (value !== undefined && value !== '') fields[field] = value;
  }
  for (const [name, value] of Object.entries(interview.answers)) {
    if (value === undefined) continue;
    if (isRepeatInstances(value)) {
      for (const item of value) {
        fields[itemPath(name, item.id)] = true;
        for (const [child, childValue] of Object.entries(item.answers)) {
          if (childValue !== undefined) fields[`${itemPath(name, item.id)}.${child}`] = childValue;
        }
      }
    } else {
      fields[`answers.${name}`] = value;
    }
  }
  return fields;
}

const answerPath = /^answers\.([A-Za-z_][A-Za-z0-9_]*)(?:\[([A-Za-z0-9-]{1,64})\](?:\.([A-Za-z_][A-Za-z0-9_]*))?)?$/;

/**
 * Rebuilds the answers from flat fields. A repeat item exists while its presence field is true;
 * items are ordered by id (ids are time-ordered UUIDs, so by creation).
 */
export function answersFromFields(fields: FlatFields): Answers {
  const answers: Record<string, AnswerValue> = {};
  const items = new Map<string, Map<string, Record<string, AnswerValue>>>();
  const present = new Set<string>();
  for (const [path, value] of Object.entries(fields)) {
    const match = answerPath.exec(path);
    if (!match?.[1]) continue;
    const [, name, item, child] = match;
    if (item === undefined) {
      answers[name] = value as AnswerValue;
      continue;
    }
    const byId = items.get(name) ?? new Map<string, Record<string, AnswerValue>>();
    items.set(name, byId);
    const itemAnswers = byId.get(item) ?? {};
    byId.set(item, itemAnswers);
    if (child === undefined) {
      if (value === true) present.add(`${name}[${item}]`);
    } else {
      itemAnswers[child] = value as AnswerValue;
    }
  }
  for (const [name, byId] of items) {
    const instances: RepeatInstance[] = [...byId.entries()]
      .filter(([id]) => present.has(`${name}[${id}]`))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([id, itemAnswers]) => ({ id, answers: itemAnswers }));
    if (instances.length > 0) answers[name] = instances;
  }
  return answers;
}

/** The paths whose values differ between two flat views (added, changed or removed). */
export function changedPaths(before: FlatFields, after: FlatFields): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((path) => JSON.stringify(before[path]) !== JSON.stringify(after[path])).sort();
}

/** The flat value of one field path (undefined when absent), without flattening the whole interview. */
export function fieldValue(interview: Interview, path: string): unknown {
  if (!path.startsWith('answers.')) {
    const value = (syncedScalarFields as readonly string[]).includes(path) ? interview[path as SyncedScalarField] : undefined;
    return value === '' ? undefined : value;
  }
  const match = answerPath.exec(path);
  if (!match?.[1]) return undefined;
  const [, name, item, child] = match;
  const value = interview.answers[name];
  if (item === undefined) return isRepeatInstances(value) ? undefined : value;
  if (!isRepeatInstances(value)) return undefined;
  const instance = value.find((i) => i.id === item);
  if (!instance) return undefined;
  return child === undefined ? true : instance.answers[child];
}
