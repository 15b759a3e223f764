/**
 * A second researcher at work on a dataset they received: on their own device, whose clock has
 * taken in the dataset's newest stamp, they change a few answers in a share of the interviews,
 * delete a few interviews and add new ones. Their changes come after everything they received,
 * so merging the result with the original gives their values, without conflicts.
 */
import { isLongTextAnswer, likertCodes, type AnswerValue } from '../../forms/answers';
import type { CompiledForm } from '../../forms/model';
import { getAnswer, setAnswer, type AnswerPath } from '../../records/answer-paths';
import type { Interview } from '../../records/interview';
import type { Dataset } from '../bundle/dataset';
import { interviewFromRegisters } from '../interview-sync';
import { demoResearchers } from './bank-people';
import { narrative } from './demo-values';
import { planInterviews } from './make-demo-dataset';
import { createRandom, type Random } from './random';
import { newestStamp, playTimeline, simulatedClock, type TimelineEvent } from './timeline';

export interface EditOptions {
  /** The second researcher's device id. */
  readonly device: string;
  /** The share of interviews whose answers change, from 0 to 1. */
  readonly rate: number;
  readonly seed: number;
  readonly form: CompiledForm;
  /**
   * When the second researcher starts: every change falls within {@link editSpanDays} after it.
   * A time before the dataset's newest stamp is fine: the clock has received that stamp.
   */
  readonly startTime: Date;
  /** New interviews; by default a few (a fifth of the edited count). */
  readonly add?: number;
}

export interface EditResult {
  readonly dataset: Dataset;
  /** Who made the changes (one of the demo researchers), for the bundle's manifest. */
  readonly researcher: string;
  /** Ids, sorted. */
  readonly edited: readonly string[];
  readonly deleted: readonly string[];
  readonly added: readonly string[];
}

const dayMs = 86_400_000;
/** Edits and new interviews over five working days; validations of new ones up to six days later. */
const editDays = 5;
export const editSpanDays = 12;
const editableKinds = new Set(['likert5', 'matrix-item', 'long-text']);

/** The answers a researcher may revise on re-listening: Likert points and narratives. */
function editablePaths(form: CompiledForm, interview: Interview): AnswerPath[] {
  const paths: AnswerPath[] = [];
  for (const [name, value] of Object.entries(interview.answers)) {
    const node = form.nodes.get(name);
    if (node && editableKinds.has(node.kind)) paths.push({ name });
    if (node?.kind !== 'repeat' || !Array.isArray(value)) continue;
    for (const item of value as readonly { id: string; answers: Readonly<Record<string, unknown>> }[]) {
      for (const child of Object.keys(item.answers)) {
        if (editableKinds.has(form.nodes.get(child)?.kind ?? '')) paths.push({ repeat: name, instance: item.id, name: child });
      }
    }
  }
  return paths;
}

function revised(random: Random, form: CompiledForm, current: AnswerValue | undefined, name: string): AnswerValue {
  if (form.nodes.get(name)?.kind === 'long-text') {
    const lang = isLongTextAnswer(current) && current.lang === 'en' ? 'en' : 'fr';
    const next = narrative(random, name, lang);
    return isLongTextAnswer(current) && current.text === next.text ? { ...next, text: `${next.text} (précisé à la réécoute)` } : next;
  }
  return random.pick(likertCodes.filter((code) => code !== current));
}

/** `random` chooses the answers revised, `values` what they become. */
function editOf(random: Random, values: Random, form: CompiledForm, before: Interview): Interview | null {
  const paths = random.sample(editablePaths(form, before), random.int(1, 4));
  if (paths.length === 0) return null;
  let answers = before.answers;
  for (const path of paths) answers = setAnswer(answers, path, revised(values, form, getAnswer(answers, path), path.name));
  return { ...before, answers };
}

/** A number from a device id, to vary a seed by device. */
function deviceHash(device: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < device.length; i++) hash = Math.imul(hash ^ device.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * Which interviews and answers are revised or deleted follows the seed; what a revised answer
 * becomes, and the interviews added, follow the seed and the device. Two devices given the same
 * seed thus revise the same answers each its own way (mostly to different values: a point of the
 * scale has six others to go to), concurrent edits that disagree as in the benches, and add
 * interviews of their own.
 */
export function editDataset(dataset: Dataset, options: EditOptions): EditResult {
  const random = createRandom(options.seed);
  const own = createRandom((options.seed ^ deviceHash(options.device)) >>> 0);
  const { form } = options;
  const ids = [...dataset.interviews.keys()].sort();
  const editCount = Math.round(options.rate * ids.length);
  const deleteCount = Math.min(ids.length - editCount, Math.round(options.rate * ids.length / 10));
  const chosen = random.sample(ids, editCount + deleteCount);
  const start = options.startTime.getTime();
  const when = () => start + random.int(0, editDays - 1) * dayMs + random.int(8 * 60, 18 * 60) * 60_000;

  const events: TimelineEvent[] = [];
  const edited: string[] = [];
  for (const id of chosen.slice(0, editCount)) {
    const record = dataset.interviews.get(id);
    const before = record ? interviewFromRegisters(id, record.fields, null) : null;
    if (!before) continue;
    const after = editOf(random, own, form, before);
    if (!after) continue;
    events.push({ at: when(), save: { at: 0, state: after } });
    edited.push(id);
  }
  const deleted = chosen.slice(editCount);
  for (const id of deleted) events.push({ at: when(), deleteId: id });

  const editor = random.pick(demoResearchers);
  const taken = new Set([...ids, ...dataset.tombstones.keys()]);
  const plans = planInterviews(own, options.add ?? Math.round(editCount / 5), {
    form, startTime: options.startTime, days: editDays, researchers: [editor], label: 10_000_000, taken,
  });
  for (const saves of plans) for (const save of saves) events.push({ at: save.at, save });

  const clock = simulatedClock(options.device);
  const newest = newestStamp(dataset);
  if (newest !== '') clock.receive(newest, start);
  return {
    dataset: playTimeline(events, clock, dataset),
    researcher: editor,
    edited: edited.sort(),
    deleted: [...deleted].sort(),
    added: plans.map((saves) => saves[0]?.state.id ?? '').sort(),
  };
}
