import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc } from '../../../core/exchange/hlc';
import { canonicalJson } from '../../../core/exchange/bundle/canonical-json';
import { isInConflict } from '../../../core/exchange/register';
import { mergeDatasets } from '../../../core/exchange/bundle/dataset';
import { editDataset } from '../../../core/exchange/demo/edit-dataset';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { answersFromFields, flattenInterview, syncedScalarFields } from '../../../core/exchange/interview-fields';
import { conflictingPaths, interviewFromRegisters, listedInterviewFromWinners, mergeFieldRegisters, stampChanges, winningFields, type FieldRegisters } from '../../../core/exchange/interview-sync';
import { restoreInterview } from '../../../core/records/interview-restore';
import { loadFixtureForm } from '../../helpers/forms';
import { anInterview } from '../../helpers/factories';

const stamp = (wall: number, device: string) => formatHlc({ wall, counter: 0, device });

describe('an interview as fields', () => {
  const interview = anInterview({
    answers: {
      c_firm_name: 'Moules Perrin',
      d_local_engagements: ['chamber', 'sports'],
      n_how_started: { text: 'En 1998…', lang: 'fr', translation: { lang: 'en', text: 'In 1998…' } },
      l_ties: [
        { id: '0190a-1', answers: { l_partner_name: 'Scierie Blanc', l_tie_intensity: '4' } },
        { id: '0190a-2', answers: { l_partner_name: 'Bilbao Moldes' } },
      ],
    },
  });

  it('flattens to one field per cover field, answer, repeat item and item answer, and back', () => {
    const fields = flattenInterview(interview);
    expect(fields).toMatchObject({
      firmName: 'Moules Perrin SARL',
      'answers.c_firm_name': 'Moules Perrin',
      'answers.l_ties[0190a-1]': true,
      'answers.l_ties[0190a-1].l_tie_intensity': '4',
    });
    expect(answersFromFields(fields)).toEqual(interview.answers);
  });

  it('rebuilds the interview from its registers', () => {
    const registers = stampChanges({}, null, interview, stamp(1, 'a'));
    const rebuilt = interviewFromRegisters(interview.id, registers, { lastPath: '', updatedAt: interview.updatedAt });
    expect(rebuilt).toEqual(interview);
  });

  it('merges two researchers’ edits of different answers without conflict', () => {
    const base = stampChanges({}, null, interview, stamp(1, 'a'));
    const a = stampChanges(base, interview, { ...interview, answers: { ...interview.answers, c_firm_name: 'Perrin & fils' } }, stamp(2, 'a'));
    const withCommune = { ...interview, commune: 'Scionzier' };
    const b = stampChanges(base, interview, withCommune, stamp(3, 'b'));
    const merged = mergeFieldRegisters(a, b);
    expect(conflictingPaths(merged)).toEqual([]);
    const result = interviewFromRegisters(interview.id, merged, null);
    expect(result?.commune).toBe('Scionzier');
    expect(result?.answers['c_firm_name']).toBe('Perrin & fils');
  });

  it('keeps both values when the same answer was changed on two computers', () => {
    const base = stampChanges({}, null, interview, stamp(1, 'a'));
    const a = stampChanges(base, interview, { ...interview, answers: { ...interview.answers, c_firm_name: 'A' } }, stamp(2, 'a'));
    const b = stampChanges(base, interview, { ...interview, answers: { ...interview.answers, c_firm_name: 'B' } }, stamp(3, 'b'));
    const merged = mergeFieldRegisters(a, b);
    expect(conflictingPaths(merged)).toEqual(['answers.c_firm_name']);
    expect(merged['answers.c_firm_name']?.map((v) => v.value)).toEqual(['B', 'A']);
  });

  it('sees no conflict when both computers wrote the same value, and a conflict again as soon as one differs', () => {
    const base = stampChanges({}, null, interview, stamp(1, 'a'));
    // The same narrative written on both, its keys in another order.
    const a = stampChanges(base, interview, { ...interview, commune: 'Scionzier', answers: { ...interview.answers, n_how_started: { text: 'En 1999…', lang: 'fr', translation: { lang: 'en', text: 'In 1999…' } } } }, stamp(2, 'a'));
    const b = stampChanges(base, interview, { ...interview, commune: 'Scionzier', answers: { ...interview.answers, n_how_started: { translation: { text: 'In 1999…', lang: 'en' }, lang: 'fr', text: 'En 1999…' } } }, stamp(3, 'b'));
    const merged = mergeFieldRegisters(a, b);
    // Both writes are kept (merging stays a union), but there is nothing to choose between them.
    expect(merged['commune']?.length).toBe(2);
    expect(merged['answers.n_how_started']?.length).toBe(2);
    expect(conflictingPaths(merged)).toEqual([]);
    expect(isInConflict(merged['commune'] ?? [])).toBe(false);
    const third = stampChanges(base, interview, { ...interview, commune: 'Cluses-Ouest' }, stamp(4, 'c'));
    expect(conflictingPaths(mergeFieldRegisters(merged, third))).toEqual(['commune']);
  });

  it('counts a conflict only where the values differ, whatever the order of an answer’s keys', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom<unknown>('A', 'B', 4, ['x', 'y'], { text: 't', lang: 'fr' }, { lang: 'fr', text: 't' }), { minLength: 1, maxLength: 4 }), (values) => {
      const register = values.map((value, i) => ({ value, hlc: stamp(10 - i, `d${String(i)}`) }));
      const distinct = new Set(values.map((value) => canonicalJson(value)));
      expect(isInConflict(register)).toBe(distinct.size > 1);
    }), { seed: 29, numRuns: 1000 });
  });

  it('carries the removal of a repeat item and the clearing of an answer', () => {
    const base = stampChanges({}, null, interview, stamp(1, 'a'));
    const { d_local_engagements: _cleared, ...rest } = interview.answers;
    const removed = { ...interview, answers: { ...rest, l_ties: [{ id: '0190a-2', answers: { l_partner_name: 'Bilbao Moldes' } }] } };
    const edited = stampChanges(base, interview, removed, stamp(2, 'a'));
    const merged = mergeFieldRegisters(base, edited);
    expect(interviewFromRegisters(interview.id, merged, null)?.answers).toEqual(removed.answers);
  });
});

describe('stamping only the fields an edit touched', () => {
  it('gives the same registers as comparing the whole interview', () => {
    const before = anInterview({ answers: { c_sector: 'Décolletage', l_ties: [{ id: 'x1', answers: { l_partner_name: 'A' } }] } });
    const base = stampChanges({}, null, before, stamp(1, 'a'));
    const edits = [
      { after: { ...before, answers: { ...before.answers, c_sector: 'Mécanique' } }, fields: ['answers.c_sector'] },
      { after: { ...before, firmName: 'Autre', answers: { ...before.answers, c_firm_name: 'Autre' } }, fields: ['answers.c_firm_name', 'firmName'] },
      { after: { ...before, answers: { ...before.answers, l_ties: [{ id: 'x1', answers: { l_partner_name: 'B' } }] } }, fields: ['answers.l_ties[x1].l_partner_name'] },
      { after: { ...before, answers: { l_ties: before.answers['l_ties'] ?? [] } }, fields: ['answers.c_sector'] },
    ];
    for (const { after, fields } of edits) {
      expect(stampChanges(base, before, after, stamp(2, 'a'), fields)).toEqual(stampChanges(base, before, after, stamp(2, 'a')));
    }
  });
});

/** The interview read with its answers listed (as exports read it), its answers then put back into an object keyed by name. */
function listedBack(id: string, registers: FieldRegisters) {
  const listed = listedInterviewFromWinners(id, (visit) => {
    for (const path in registers) visit(path, registers[path]?.[0]?.value);
  });
  if (!listed) return null;
  const answers: Record<string, unknown> = {};
  listed.names.forEach((name, i) => (answers[name.name] = listed.values[i]));
  for (const [name, items] of listed.groups) answers[name] = items;
  return { ...listed.interview, answers };
}

describe('the interview the registers describe', () => {
  it('never takes a name that would reach a prototype (readers refuse such bundles; this is the last guard)', () => {
    const at = formatHlc({ wall: Date.parse('2026-03-12T10:00:00.000Z'), counter: 0, device: 'd-test' });
    const registers: FieldRegisters = {
      'answers.__proto__': [{ value: { polluted: true }, hlc: at }],
      'answers.constructor': [{ value: 'x', hlc: at }],
      'answers.l_ties[t1]': [{ value: true, hlc: at }],
      'answers.l_ties[t1].__proto__': [{ value: { polluted: true }, hlc: at }],
      'answers.c_sector': [{ value: 'Décolletage', hlc: at }],
    };
    const interview = interviewFromRegisters('i-1', registers, null);
    expect(interview?.answers).toEqual({ c_sector: 'Décolletage', l_ties: [{ id: 't1', answers: {} }] });
    expect(Object.getPrototypeOf(interview?.answers)).toBe(Object.prototype);
    expect(listedBack('i-1', registers)).toEqual(interview);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('is what restoring the winning fields gives, for demo interviews edited by a second researcher', () => {
    const form = loadFixtureForm('forms/spl-cooperation/v1.json');
    const original = makeDemoDataset({ interviews: 40, seed: 11, form, device: 'demo', startTime: new Date('2026-01-05T00:00:00.000Z') });
    const { dataset } = editDataset(original, { device: 'laptop-b', rate: 0.5, seed: 3, form, startTime: new Date('2026-05-01T00:00:00.000Z') });
    for (const record of mergeDatasets(original, dataset).interviews.values()) {
      const fields = winningFields(record.fields);
      const createdAt = fields['createdAt'];
      const expected = restoreInterview({
        ...Object.fromEntries(syncedScalarFields.filter((f) => f in fields).map((f) => [f, fields[f]])),
        id: record.id, answers: answersFromFields(fields), lastPath: '', updatedAt: typeof createdAt === 'string' ? createdAt : '',
      });
      expect(interviewFromRegisters(record.id, record.fields, null)).toEqual(expected);
      expect(listedBack(record.id, record.fields)).toEqual(expected);
    }
  });

  it('ignores malformed paths as restoring does, and keeps only repeat items that are present', () => {
    const at = (value: unknown) => [{ value, hlc: '0mjk9ju2o.00000.demo' }];
    const registers = {
      'answers.ok': at('yes'), 'answers.bad name': at('x'), 'answers.r[a1]': at(true), 'answers.r[a1].c': at(3), 'answers.r[b2].c': at(4),
      'answers.r[a1]x': at(1), 'answers.r[]': at(true), 'answers.r[c3]': at(false), 'answers.r[c3].c': at(5), firmName: at('Perrin'), unknown: at('z'),
    };
    const interview = interviewFromRegisters('i1', registers, null);
    expect(interview?.answers).toEqual(answersFromFields(winningFields(registers)));
    expect(interview?.answers).toEqual({ ok: 'yes', r: [{ id: 'a1', answers: { c: 3 } }] });
    expect(interview?.firmName).toBe('Perrin');
  });

  it('reads any mix of item fields as restoring the winning fields does, in path order or not (1,000 runs)', () => {
    const at = (value: unknown) => [{ value, hlc: '0mjk9ju2o.00000.demo' }];
    const path = fc.tuple(fc.constantFrom('answers.r', 'answers.s', 'answers.r2'), fc.constantFrom('[a1]', '[a]', '[a-1]', '[b2]', '[]', ''), fc.constantFrom('', '.c', '.d', '.c.d', 'x', '.', '.1c'))
      .map(([group, item, suffix]) => `${group}${item}${suffix}`);
    const value = fc.oneof(fc.constant(true), fc.constant(false), fc.constant(null), fc.integer({ min: 0, max: 9 }), fc.constant('v'));
    fc.assert(
      fc.property(fc.array(fc.tuple(path, value), { maxLength: 24 }), fc.boolean(), (pairs, sorted) => {
        const paths = [...new Map(pairs)].sort(([a], [b]) => (sorted ? (a < b ? -1 : a > b ? 1 : 0) : 0));
        const registers = Object.fromEntries(paths.map(([p, v]) => [p, at(v)]));
        const interview = interviewFromRegisters('i1', registers, null);
        const expected = answersFromFields(winningFields(registers));
        expect(interview?.answers).toEqual(expected);
        expect(Object.keys(interview?.answers ?? {})).toEqual(Object.keys(expected));
        expect(listedBack('i1', registers)).toEqual(interview);
      }),
      { seed: 2026, numRuns: 1000 },
    );
  });

  it('leaves no trace of a field an item cannot hold, whatever the order of the paths', () => {
    const at = (value: unknown) => [{ value, hlc: '0mjk9ju2o.00000.demo' }];
    const registers = { 'answers.q[a1]x': at(1), 'answers.q[a1].c.d': at(2), 'answers.r[b2]': at(true), 'answers.r[b2].c': at(3), 'answers.q[a1]': at(true) };
    const interview = interviewFromRegisters('i1', registers, null);
    expect(interview?.answers).toEqual(answersFromFields(winningFields(registers)));
    expect(Object.keys(interview?.answers ?? {})).toEqual(Object.keys(answersFromFields(winningFields(registers))));
  });
});
