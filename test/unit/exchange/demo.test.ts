/**
 * Demo data is what coordinators and benchmarks see first: it must be reproducible from its
 * seed, valid for the built-in instrument, and varied like a real fieldwork.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../core/exchange/bundle/canonical-json';
import { mergeDatasets, type Dataset } from '../../../core/exchange/bundle/dataset';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { demoNetworks } from '../../../core/exchange/demo/bank-networks';
import { demoResearchers } from '../../../core/exchange/demo/bank-people';
import { editDataset } from '../../../core/exchange/demo/edit-dataset';
import { demoSpanDays, makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { createRandom } from '../../../core/exchange/demo/random';
import { newestStamp } from '../../../core/exchange/demo/timeline';
import { wallOf } from '../../../core/exchange/hlc';
import { conflictingPaths, interviewFromRegisters } from '../../../core/exchange/interview-sync';
import { isLongTextAnswer, isRepeatInstances } from '../../../core/forms/answers';
import { evaluateForm } from '../../../core/forms/engine';
import type { Interview } from '../../../core/records/interview';
import { origin } from '../../helpers/bundles';
import { loadFixtureForm } from '../../helpers/forms';

const form = loadFixtureForm('forms/spl-cooperation/v1.json');
const startTime = new Date('2026-03-02T00:00:00.000Z');
const demo = (seed: number, interviews = 40) => makeDemoDataset({ interviews, seed, form, device: 'demo-a', startTime });
const bytesOf = (dataset: Dataset) => Buffer.from(writeBundle(dataset, origin));

function interviewsOf(dataset: Dataset): Interview[] {
  return [...dataset.interviews.values()].map((r) => {
    const interview = interviewFromRegisters(r.id, r.fields, null);
    if (!interview) throw new Error(`interview ${r.id} does not rebuild`);
    return interview;
  });
}

describe('the seeded random source', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(draw(1).every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('makeDemoDataset', () => {
  const big = demo(11, 300);
  const interviews = interviewsOf(big);

  it('gives byte-identical bundles for the same seed, and different ones for another seed', () => {
    expect(bytesOf(demo(7)).equals(bytesOf(demo(7)))).toBe(true);
    expect(bytesOf(demo(7)).equals(bytesOf(demo(8)))).toBe(false);
    expect(demo(7).interviews.size).toBe(40);
  });

  it('writes interviews the built-in form reads without a wrong type, a wrong choice or a broken constraint', () => {
    const today = '2026-12-31';
    for (const interview of interviews) {
      const state = evaluateForm(form, interview.answers, today);
      const wrong = state.problems.filter((p) => p.problem?.code !== 'required');
      expect(wrong.map((p) => `${p.path}: ${JSON.stringify(p.problem)} ${JSON.stringify(p.value)}`), interview.id).toEqual([]);
      if (interview.status !== 'draft') {
        expect(state.problems, `${interview.id} is ${interview.status}`).toEqual([]);
        expect(state.hasConsent).toBe(true);
      }
    }
  });

  it('fills the cover as the app does, from the same answers', () => {
    const names = new Set(demoNetworks.map((n) => n.name));
    for (const i of interviews) {
      expect(names.has(i.networkName), i.networkName).toBe(true);
      expect(demoResearchers).toContain(i.interviewer);
      expect(i.firmName).not.toBe('');
      expect(i.respondentName).toMatch(/^\S+ \S+/);
      expect(i.answers['c_firm_name']).toBe(i.firmName);
      expect(i.answers['a_date']).toBe(i.interviewDate);
      expect(i.formId).toBe('spl-cooperation');
    }
  });

  it('spreads interviews over about three months, stamps included, and never before the start', () => {
    const end = startTime.getTime() + demoSpanDays * 86_400_000;
    const dates = interviews.map((i) => i.interviewDate).sort();
    expect((dates[0] ?? '') >= '2026-03-02').toBe(true);
    expect((dates[dates.length - 1] ?? '') > '2026-05-01').toBe(true);
    expect(wallOf(newestStamp(big))).toBeLessThanOrEqual(end);
    expect(new Set(dates).size).toBeGreaterThan(40);
  });

  it('looks like a real fieldwork: consent mostly, statuses, Likert refusals, ties, narratives in two languages', () => {
    const consented = interviews.filter((i) => i.answers['b_consent_participate'] === 'yes');
    expect(consented.length / interviews.length).toBeGreaterThan(0.85);
    expect(consented.length).toBeLessThan(interviews.length);
    expect(new Set(interviews.map((i) => i.status))).toEqual(new Set(['draft', 'complete', 'validated']));
    const likert = consented.flatMap((i) => Object.entries(i.answers).filter(([k]) => /^[ghjm]_/.test(k)).map(([, v]) => v));
    expect(likert).toContain('dk');
    expect(likert).toContain('refused');
    const ties = consented.map((i) => { const v = i.answers['l_ties']; return isRepeatInstances(v) ? v.length : 0; });
    expect(Math.max(...ties)).toBeGreaterThanOrEqual(6);
    expect(Math.max(...ties)).toBeLessThanOrEqual(8);
    expect(ties).toContain(0);
    const stories = consented.flatMap((i) => Object.values(i.answers).filter(isLongTextAnswer));
    expect(stories.some((s) => s.lang === 'fr')).toBe(true);
    expect(stories.some((s) => s.lang === 'en' && s.translation?.lang === 'fr')).toBe(true);
    expect(new Set(interviews.map((i) => i.networkName)).size).toBeGreaterThanOrEqual(8);
    expect(consented.every((i) => Array.isArray(i.answers['i_top_reasons']) || i.status === 'draft')).toBe(true);
  });
});

describe('editDataset: a second researcher at work on what they received', () => {
  const original = demo(3, 120);
  const edit = editDataset(original, { device: 'laptop-b', rate: 0.25, seed: 9, form, startTime: new Date('2026-06-15T00:00:00.000Z') });

  it('edits a share of the interviews, deletes a few and adds a few', () => {
    expect(edit.edited.length).toBeGreaterThan(20);
    expect(edit.deleted.length).toBeGreaterThan(0);
    expect(edit.added.length).toBeGreaterThan(0);
    expect(edit.dataset.interviews.size).toBe(120 - edit.deleted.length + edit.added.length);
    for (const id of edit.deleted) expect(edit.dataset.tombstones.get(id)?.hlc).toMatch(/\.laptop-b$/);
  });

  it('stamps after everything it received, even with a clock behind', () => {
    const behind = editDataset(original, { device: 'laptop-c', rate: 0.1, seed: 9, form, startTime });
    expect(newestStamp(behind.dataset) > newestStamp(original)).toBe(true);
    expect(wallOf(newestStamp(behind.dataset))).toBeGreaterThanOrEqual(wallOf(newestStamp(original)));
  });

  it('merges with the original without conflicts, in either order, the edits winning', () => {
    const merged = mergeDatasets(original, edit.dataset);
    expect(canonicalJson([...mergeDatasets(edit.dataset, original).interviews.entries()].sort())).toBe(canonicalJson([...merged.interviews.entries()].sort()));
    for (const record of merged.interviews.values()) expect(conflictingPaths(record.fields), record.id).toEqual([]);
    const after = new Map(interviewsOf(merged).map((i) => [i.id, i]));
    for (const i of interviewsOf(edit.dataset)) expect(after.get(i.id)?.answers, i.id).toEqual(i.answers);
    for (const id of edit.edited) {
      const before = interviewFromRegisters(id, original.interviews.get(id)?.fields ?? {}, null);
      expect(after.get(id)?.answers).not.toEqual(before?.answers);
    }
    for (const id of edit.deleted) expect(merged.interviews.has(id)).toBe(false);
  });

  it('is reproducible from its seed', () => {
    const again = editDataset(original, { device: 'laptop-b', rate: 0.25, seed: 9, form, startTime: new Date('2026-06-15T00:00:00.000Z') });
    expect(bytesOf(again.dataset).equals(bytesOf(edit.dataset))).toBe(true);
  });

  it('conflicts where two researchers changed the same answer', () => {
    const other = editDataset(original, { device: 'laptop-c', rate: 0.25, seed: 9, form, startTime: new Date('2026-06-15T00:00:00.000Z'), add: 0 });
    const merged = mergeDatasets(edit.dataset, other.dataset);
    const conflicts = [...merged.interviews.values()].filter((r) => conflictingPaths(r.fields).length > 0);
    expect(conflicts.length).toBeGreaterThan(0);
  });
});
