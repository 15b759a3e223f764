/**
 * A realistic synthetic dataset for demonstrations, tests and benchmarks: a team of four
 * researchers interviewing heads of small firms in a dozen French networks over twelve weeks.
 * Pure and seeded: the same options give the same records, so the same bundle bytes.
 */
import type { CompiledForm } from '../../forms/model';
import { emptyDataset, type Dataset } from '../bundle/dataset';
import { demoResearchers } from './bank-people';
import { planInterview } from './demo-interview';
import { createRandom, type Random } from './random';
import { playTimeline, simulatedClock, type Save } from './timeline';

export interface DemoOptions {
  /** How many interviews (1 to 100,000 is sensible). */
  readonly interviews: number;
  readonly seed: number;
  /** The instrument the interviews were taken with (the built-in one). */
  readonly form: CompiledForm;
  /** The device id that stamps every change (`[a-z0-9-]{1,40}`). */
  readonly device: string;
  /** The first day of the fieldwork; every date and stamp falls within {@link demoSpanDays} after it. */
  readonly startTime: Date;
}

/** Interviews are held over twelve weeks; validations follow within days. */
export const fieldworkDays = 84;
export const demoSpanDays = 90;

const dayMs = 86_400_000;

/** A weekday among the first `days` from `startTime`, as the UTC midnight that starts it. */
export function fieldworkDay(random: Random, startTime: Date, days = fieldworkDays): number {
  const first = Math.floor(startTime.getTime() / dayMs) * dayMs;
  let day = first + random.int(0, days - 1) * dayMs;
  const weekday = new Date(day).getUTCDay();
  if (weekday === 6) day -= dayMs;
  if (weekday === 0) day += dayMs;
  return Math.max(first, day);
}

export interface PlanOptions {
  readonly form: CompiledForm;
  readonly startTime: Date;
  readonly days: number;
  readonly researchers: readonly string[];
  /** Keeps the random sources of different callers apart. */
  readonly label: number;
  /** Ids already used. */
  readonly taken: ReadonlySet<string>;
}

/** Plans `count` interviews with distinct ids, each from its own random source. */
export function planInterviews(random: Random, count: number, options: PlanOptions): (readonly Save[])[] {
  const { form, startTime, days, researchers, label, taken } = options;
  const ids = new Set(taken);
  const plans: (readonly Save[])[] = [];
  for (let i = 0; i < count; i++) {
    for (let attempt = 0; ; attempt++) {
      const source = random.fork(label + i + attempt * 1_000_003);
      const plan = planInterview(source, form, fieldworkDay(source, startTime, days), researchers);
      const id = plan[0]?.state.id ?? '';
      if (ids.has(id)) continue;
      ids.add(id);
      plans.push(plan);
      break;
    }
  }
  return plans;
}

export function makeDemoDataset(options: DemoOptions): Dataset {
  const random = createRandom(options.seed);
  const plans = planInterviews(random, options.interviews, {
    form: options.form, startTime: options.startTime, days: fieldworkDays, researchers: demoResearchers, label: 0, taken: new Set(),
  });
  const events = plans.flatMap((saves) => saves.map((save) => ({ at: save.at, save })));
  return playTimeline(events, simulatedClock(options.device), emptyDataset);
}
