/**
 * Demo saves and deletions played in time order on one device's clock, as a laptop would have
 * stamped them: each save stamps the fields that changed since the interview's previous state.
 */
import type { Interview } from '../../records/interview';
import type { Dataset } from '../bundle/dataset';
import type { InterviewRecord, TombstoneRecord } from '../bundle/schema';
import { createHlcClock, maxHlc, type Hlc } from '../hlc';
import { interviewFromRegisters, stampChanges } from '../interview-sync';

/** One save of an interview: its whole state after the save, and when. */
export interface Save {
  readonly at: number;
  readonly state: Interview;
}

export type TimelineEvent = { readonly at: number; readonly save: Save } | { readonly at: number; readonly deleteId: string };

/** A device's clock driven by simulated time, so that stamps follow the story's calendar. */
export function simulatedClock(device: string) {
  let now = 0;
  const clock = createHlcClock(device, () => now);
  return {
    stampAt(ms: number): Hlc {
      now = ms;
      return clock.next();
    },
    /** Takes in what the device received (an imported bundle's newest stamp). */
    receive(stamp: Hlc, ms: number): void {
      now = ms;
      clock.receive(stamp);
    },
  };
}
export type SimulatedClock = ReturnType<typeof simulatedClock>;

export function newestStamp(dataset: Dataset): Hlc {
  let newest = '';
  for (const record of dataset.interviews.values()) for (const register of Object.values(record.fields)) for (const v of register) newest = maxHlc(newest, v.hlc);
  for (const tombstone of dataset.tombstones.values()) newest = maxHlc(newest, tombstone.hlc);
  return newest;
}

/** Plays the events (stable order for equal times) over `base`; returns the resulting dataset. */
export function playTimeline(events: readonly TimelineEvent[], clock: SimulatedClock, base: Dataset): Dataset {
  const interviews = new Map<string, InterviewRecord>(base.interviews);
  const tombstones = new Map<string, TombstoneRecord>(base.tombstones);
  const previous = new Map<string, Interview>();
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if ('deleteId' in event) {
      interviews.delete(event.deleteId);
      tombstones.set(event.deleteId, { id: event.deleteId, kind: 'interview', hlc: clock.stampAt(event.at) });
      continue;
    }
    const { id } = event.save.state;
    const record = interviews.get(id);
    const before = previous.get(id) ?? (record ? interviewFromRegisters(id, record.fields, null) : null);
    let after = event.save.state;
    // A status change leaves the answers as they were: compare the rest only (the same paths change, faster).
    const same = before !== null && before.answers === after.answers;
    const compared = same ? { ...before, answers: {} } : before;
    if (same) after = { ...after, answers: {} };
    interviews.set(id, { ...record, id, fields: stampChanges(record?.fields ?? {}, compared, after, clock.stampAt(event.at)) });
    previous.set(id, event.save.state);
  }
  return { interviews, tombstones, forms: base.forms };
}
