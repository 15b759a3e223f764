/**
 * A CSV export made in parts (core/exports/csv-parts.ts) gives the very bytes of the ordinary
 * export, `csvFiles(buildExportModel(…))`, however the interviews are shared among the parts.
 */
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDemoDataset } from '../../../core/exchange/demo/make-demo-dataset';
import { flattenInterview } from '../../../core/exchange/interview-fields';
import { interviewFromRegisters, listedInterviewFromWinners, type ListedInterview } from '../../../core/exchange/interview-sync';
import { csvFiles } from '../../../core/exports/csv';
import { createCsvPartMaker, csvExportFromParts, type CsvPart } from '../../../core/exports/csv-parts';
import type { HmacSha256 } from '../../../core/exports/pseudonyms';
import { buildExportModel } from '../../../core/exports/table-model';
import type { ExportFile, LabelMode, Privacy } from '../../../core/exports/types';
import type { CompiledForm } from '../../../core/forms/model';
import type { Interview } from '../../../core/records/interview';
import { aTinyInterview, builtInForm, identified, testSecret, tinyV1, tinyV2 } from '../../helpers/exports';
import { handedOver } from '../../helpers/threads';

const today = '2026-11-28';
const formsOf = (...forms: CompiledForm[]) => new Map(forms.map((f) => [f.key, f]));

const demoForms = formsOf(builtInForm());
const demo: Interview[] = [...makeDemoDataset({ interviews: 60, seed: 5, form: builtInForm(), device: 'demo', startTime: new Date('2026-01-05T00:00:00.000Z') }).interviews.values()]
  .map((record) => interviewFromRegisters(record.id, record.fields, null))
  .filter((interview): interview is Interview => interview !== null);

const tinyForms = formsOf(tinyV1(), tinyV2());
const tie = (id: string, name: string) => ({ id, answers: { tie_name: name, tie_foreign: 'yes', tie_country: 'Espagne' } });
const tiny: Interview[] = [
  aTinyInterview('0190-0001', { firm_name: 'Moules Perrin', founded: 1987, region: 'ara', ties: [tie('0190-a', 'Bilbao Moldes'), tie('0190-b', 'Verrerie Lamy')] }, { respondentName: 'Élodie Perrin', firmName: 'Moules Perrin' }),
  aTinyInterview('0190-0002', { firm_name: 'Verrerie Lamy', story: { text: 'Il a dit "non", puis oui; ensuite…', lang: 'fr' }, practices: ['training', 'promotion'] }, { respondentName: 'Jean Lamy', firmName: 'Verrerie Lamy' }),
  aTinyInterview('0190-0003', { region: 'na', department: '64', ties: [tie('0190-c', 'moules  PERRIN')] }, { respondentName: '', firmName: 'Décolletage Bouvier' }),
  aTinyInterview('0190-0004', { agree: 'no', firm_name: 'Secret SA' }, { firmName: 'Secret SA', status: 'draft' }),
  aTinyInterview('0190-0005', { firm_name: 'Atelier Version Deux' }, { formVersion: 2, firmName: 'Atelier V2' }),
  aTinyInterview('0190-0006', {}, { formId: 'ghost', formVersion: 3, firmName: 'Fantôme' }),
  aTinyInterview('0190-0007', { firm_name: 'Scierie Favre' }, { formVersion: 9, firmName: 'Scierie Favre' }),
  aTinyInterview('0190-0008', { firm_name: 'Bilbao Moldes', exports: 12.5, saving: 0 }, { firmName: 'Bilbao Moldes', respondentName: 'Ana Ruiz' }),
];

interface Choice {
  readonly privacy: Privacy;
  readonly labels: LabelMode;
  readonly bom: boolean;
}
/** Node's HMAC: the same codes as the pure one, faster. */
const nodeHmac: HmacSha256 = (key, message) => createHmac('sha256', key).update(message).digest();
const privacies: Privacy[] = [{ mode: 'pseudonymised', secret: testSecret, hmac: nodeHmac }, identified];
const choices: Choice[] = privacies.flatMap((privacy) =>
  (['codes', 'fr', 'en'] as const).flatMap((labels) => [false, true].map((bom) => ({ privacy, labels, bom }))),
);
const named = (c: Choice) => `${c.privacy.mode}, ${c.labels}${c.bom ? ', BOM' : ''}`;

/** The interview as the CLI's parts read it from a bundle: its answers listed, not keyed (see ListedInterview). */
function listed(interview: Interview): ListedInterview {
  const fields = flattenInterview(interview);
  const read = listedInterviewFromWinners(interview.id, (visit) => {
    for (const path of Object.keys(fields).sort()) visit(path, fields[path]);
  });
  if (!read) throw new Error(`${interview.id} does not read back`);
  return read;
}

/**
 * Each group of interviews turned into a part, and the part as it is once it has crossed threads.
 * Every other interview is given with its answers listed, as the CLI gives them: both ways must
 * give the ordinary bytes, alone or side by side.
 */
function partsOf(forms: ReadonlyMap<string, CompiledForm>, groups: readonly (readonly Interview[])[], choice: Choice, hashing?: { readonly secret: Uint8Array; readonly hmac: HmacSha256 }): CsvPart[] {
  return groups.map((group) => {
    const options = { labels: choice.labels, pseudonymised: choice.privacy.mode === 'pseudonymised', today, ...(hashing ? { secret: hashing.secret } : {}) };
    const maker = createCsvPartMaker(forms, options, hashing?.hmac);
    group.forEach((interview, i) => {
      maker.add(i % 2 === 1 ? listed(interview) : interview);
    });
    return handedOver(maker.finish());
  });
}

const view = (files: readonly ExportFile[]) => files.map((f) => ({ fileName: f.fileName, rows: f.rows, size: f.bytes.length, text: Buffer.from(f.bytes).toString('utf8') }));

/** The export in parts next to the ordinary one, for comparison; with `hashing`, the parts hash their names. */
function both(forms: ReadonlyMap<string, CompiledForm>, groups: readonly (readonly Interview[])[], choice: Choice, hashing?: { readonly secret: Uint8Array; readonly hmac: HmacSha256 }) {
  const options = { labels: choice.labels, privacy: choice.privacy, today };
  const inParts = csvExportFromParts(forms, partsOf(forms, groups, choice, hashing), { ...options, bom: choice.bom });
  const model = buildExportModel(forms, groups.flat(), options);
  if (!inParts?.ok || !model.ok) throw new Error('an export failed');
  const files = csvFiles(model.value, { bom: choice.bom });
  const ordinary = {
    files: view(files),
    missingForms: model.value.missingForms,
    formCount: model.value.forms.length,
    exported: model.value.forms.reduce((sum, form) => sum + (form.tables[0]?.rows.length ?? 0), 0),
  };
  const sameBytes = inParts.value.files.length === files.length && inParts.value.files.every((f, i) => Buffer.from(f.bytes).equals(Buffer.from(files[i]?.bytes ?? [])));
  return { inParts: { ...inParts.value, files: view(inParts.value.files) }, ordinary, sameBytes };
}

function expectSame(forms: ReadonlyMap<string, CompiledForm>, groups: readonly (readonly Interview[])[], choice: Choice): void {
  const { inParts, ordinary, sameBytes } = both(forms, groups, choice);
  expect(inParts).toEqual(ordinary);
  expect(sameBytes).toBe(true);
}

const cutsOf = (n: number) => [0, 1, Math.floor(n / 3), Math.floor(n / 2), n - 1, n];
const split = (list: readonly Interview[], cut: number) => [list.slice(0, cut), list.slice(cut)];

describe('a CSV export in parts, for the built-in form (demo fieldwork)', () => {
  it('has interviews with repeat items to share', () => {
    const { ordinary } = both(demoForms, [demo], choices[0] as Choice);
    expect(demo.length).toBe(60);
    expect(ordinary.files.map((f) => f.fileName)).toEqual(['spl-cooperation-v1__main.csv', 'spl-cooperation-v1__l_ties.csv', 'spl-cooperation-v1__dictionary.csv']);
    expect(ordinary.files[1]?.rows).toBeGreaterThan(60);
  });

  it('gives the ordinary bytes at every cut, an empty part included', () => {
    for (const cut of cutsOf(demo.length)) expectSame(demoForms, split(demo, cut), choices[0] as Choice);
  });

  it.each(choices.map((c) => [named(c), c] as const))('gives the ordinary bytes with labels and privacy as chosen (%s)', (_name, choice) => {
    for (const cut of [0, 23]) expectSame(demoForms, split(demo, cut), choice);
  });

  it('gives the ordinary bytes whatever the cut and the order of interviews within parts', () => {
    const n = demo.length;
    const indexes = Array.from({ length: n }, (_, i) => i);
    const property = fc.property(
      fc.nat({ max: n }),
      fc.shuffledSubarray(indexes, { minLength: n, maxLength: n }),
      fc.constantFrom(...choices),
      (cut, order, choice) => {
        const shuffled = order.map((i) => demo[i] as Interview);
        const { inParts, ordinary, sameBytes } = both(demoForms, split(shuffled, cut), choice);
        expect(inParts).toEqual(ordinary);
        return sameBytes;
      },
    );
    fc.assert(property, { seed: 20261128, numRuns: 50 });
  });
});

describe('a CSV export in parts, for the tiny fixture forms', () => {
  it.each(choices.map((c) => [named(c), c] as const))('gives the ordinary bytes and missing forms at every cut (%s)', (_name, choice) => {
    for (const cut of cutsOf(tiny.length)) expectSame(tinyForms, split(tiny, cut), choice);
    for (const cut of cutsOf(tiny.length)) expectSame(tinyForms, split([...tiny].reverse(), cut), choice);
  });

  it('lists the interviews whose form is missing, whichever part holds them', () => {
    const { inParts } = both(tinyForms, [[tiny[6] as Interview, tiny[0] as Interview], [tiny[5] as Interview]], choices[0] as Choice);
    expect(inParts.missingForms).toEqual([
      { formKey: 'ghost@3', interviewIds: ['0190-0006'] },
      { formKey: 'tiny@9', interviewIds: ['0190-0007'] },
    ]);
    expect(inParts.exported).toBe(1);
    const onlyMissing = both(tinyForms, [[tiny[5] as Interview], []], choices[0] as Choice);
    expect(onlyMissing.inParts).toEqual(onlyMissing.ordinary);
    expect(onlyMissing.inParts.files).toEqual([]);
  });

  it('gives no files for no interviews, as the ordinary export', () => {
    expectSame(tinyForms, [[], []], choices[0] as Choice);
    expectSame(tinyForms, [], choices[6] as Choice);
  });

  it('refuses a weak secret as buildExportModel does', () => {
    const privacy: Privacy = { mode: 'pseudonymised', secret: new Uint8Array(15) };
    const parts = partsOf(tinyForms, split(tiny, 3), { privacy, labels: 'codes', bom: false });
    const inParts = csvExportFromParts(tinyForms, parts, { labels: 'codes', privacy, today });
    if (inParts === null) throw new Error('parts not put together');
    const ordinary = buildExportModel(tinyForms, tiny, { labels: 'codes', privacy, today });
    expect(inParts.ok).toBe(false);
    expect(!inParts.ok && inParts.error).toEqual(!ordinary.ok && ordinary.error);
    expect(!inParts.ok && inParts.error).toEqual({ code: 'weak-secret', minBytes: 16 });
  });

  it('will not put together parts made for another privacy or other labels', () => {
    const secret: Privacy = { mode: 'pseudonymised', secret: new Uint8Array(32).fill(7) };
    const identifiedParts = partsOf(tinyForms, split(tiny, 3), { privacy: { mode: 'identified' }, labels: 'codes', bom: false });
    expect(() => csvExportFromParts(tinyForms, identifiedParts, { labels: 'codes', privacy: secret, today })).toThrow(/privacy or labels/);
    const frenchParts = partsOf(tinyForms, split(tiny, 3), { privacy: secret, labels: 'fr', bom: false });
    expect(() => csvExportFromParts(tinyForms, frenchParts, { labels: 'en', privacy: secret, today })).toThrow(/privacy or labels/);
  });
});

describe('pseudonym codes of an export in parts', () => {
  /** A keyed hash under which two firms of different parts share their first ten hex digits. */
  const colliding = new Map([
    ['moules perrin', 'abcdef012301'],
    ['verrerie lamy', 'abcdef012302'],
  ]);
  const keyedHash: HmacSha256 = (key, message) => {
    const prefix = colliding.get(new TextDecoder().decode(message));
    return prefix ? Buffer.from(prefix.padEnd(64, '0'), 'hex') : nodeHmac(key, message);
  };
  const privacy: Privacy = { mode: 'pseudonymised', secret: testSecret, hmac: keyedHash };
  const choice: Choice = { privacy, labels: 'codes', bom: false };

  it('are as long as the names of every part require, as the ordinary export gives them', () => {
    const [first, second] = [tiny[0] as Interview, tiny[1] as Interview];
    for (const groups of [[[first], [second]], [[second], [first]], [[first, second], []]]) {
      const { inParts, ordinary, sameBytes } = both(tinyForms, groups, choice);
      expect(inParts).toEqual(ordinary);
      expect(sameBytes).toBe(true);
      const main = inParts.files[0]?.text ?? '';
      expect(main).toContain(',F-abcdef012301,');
      expect(main).toContain(',F-abcdef012302,');
      expect(main).not.toMatch(/F-abcdef0123,/);
      // The partner named "Verrerie Lamy" in the first interview gets the firm's long code.
      expect(inParts.files[1]?.text).toContain('P-abcdef012302');
    }
  });

  it('keep ten digits when the colliding name is not in the export', () => {
    const { inParts, ordinary } = both(tinyForms, [[tiny[2] as Interview], [tiny[7] as Interview]], choice);
    expect(inParts).toEqual(ordinary);
    expect(inParts.files[0]?.text).toMatch(/,F-[0-9a-f]{10},/);
    expect(inParts.files[1]?.text).toMatch(/,P-abcdef0123(?![0-9a-f])/);
  });
});

describe('names hashed in the parts, when the secret is known before reading', () => {
  const pseudonymisedChoices = choices.filter((c) => c.privacy.mode === 'pseudonymised');

  it.each(pseudonymisedChoices.map((c) => [named(c), c] as const))('give the ordinary bytes (%s)', (_name, choice) => {
    for (const cut of cutsOf(demo.length)) {
      const { inParts, ordinary, sameBytes } = both(demoForms, split(demo, cut), choice, { secret: testSecret, hmac: nodeHmac });
      expect(inParts).toEqual(ordinary);
      expect(sameBytes).toBe(true);
    }
  });

  it('come with their digests, and write ten-digit codes instead of holes', () => {
    const [part] = partsOf(tinyForms, [tiny], choices[0] as Choice, { secret: testSecret, hmac: nodeHmac });
    expect(part?.digests).toHaveLength(part?.names.length ?? -1);
    expect(part?.digests?.[0]).toBe(createHmac('sha256', testSecret).update(part?.names[0] ?? '').digest('hex'));
    expect(part?.made.codesWritten).toBe(true);
    expect(part?.forms.flatMap((form) => form.tables ?? []).every((table) => table.holeAt.length === 0)).toBe(true);
    const text = new TextDecoder().decode(part?.forms[0]?.tables?.[0]?.bytes);
    expect(text).toContain(`,F-${(part?.digests?.[part.names.indexOf('moules perrin')] ?? '').slice(0, 10)},`);
  });

  it('are not put together when two names of the export share ten digits: the caller exports the ordinary way', () => {
    const colliding = (key: Uint8Array, message: Uint8Array) => {
      const name = new TextDecoder().decode(message);
      const digest = nodeHmac(key, message);
      // Moules Perrin (interview 1) and Verrerie Lamy (interview 2) share their first ten digits.
      if (name === 'moules perrin' || name === 'verrerie lamy') digest.set([0xab, 0xcd, 0xef, 0x01, 0x23, name === 'moules perrin' ? 0x01 : 0x02]);
      return digest;
    };
    const privacy: Privacy = { mode: 'pseudonymised', secret: testSecret, hmac: colliding };
    const choice: Choice = { privacy, labels: 'codes', bom: false };
    const [first, second, third] = [tiny[0] as Interview, tiny[1] as Interview, tiny[2] as Interview];
    for (const groups of [[[first], [second]], [[first, second], []], [[first, third], [second]]]) {
      const parts = partsOf(tinyForms, groups, choice, { secret: testSecret, hmac: colliding });
      expect(csvExportFromParts(tinyForms, parts, { labels: 'codes', privacy, today })).toBeNull();
    }
    // With one name of the pair only, the written codes are the export's.
    const { inParts, ordinary, sameBytes } = both(tinyForms, [[third], [tiny[7] as Interview]], choice, { secret: testSecret, hmac: colliding });
    expect(inParts).toEqual(ordinary);
    expect(sameBytes).toBe(true);
  });

  it('are put together with parts that left holes, and not when a name of theirs shares ten digits with one of those', () => {
    const colliding: HmacSha256 = (key, message) => {
      const digest = nodeHmac(key, message);
      const name = new TextDecoder().decode(message);
      if (name === 'secret sa' || name === 'bilbao moldes') digest.set([0xfe, 0xdc, 0xba, 0x98, 0x76, name === 'secret sa' ? 0x01 : 0x02]);
      return digest;
    };
    const privacy: Privacy = { mode: 'pseudonymised', secret: testSecret, hmac: colliding };
    const choice: Choice = { privacy, labels: 'codes', bom: false };
    const hashing = { secret: testSecret, hmac: colliding };
    const [withCodes] = partsOf(tinyForms, [tiny.slice(0, 4)], choice, hashing);
    const [withHoles] = partsOf(tinyForms, [tiny.slice(4)], choice);
    expect(withCodes?.made.codesWritten).toBe(true);
    expect(withHoles?.made.codesWritten).toBeUndefined();
    // Secret SA (interview 4) and Bilbao Moldes (interview 8) share ten digits across the two kinds of part.
    expect(csvExportFromParts(tinyForms, [withCodes as CsvPart, withHoles as CsvPart], { labels: 'codes', privacy, today })).toBeNull();
    const [codesAlone] = partsOf(tinyForms, [tiny.slice(0, 3)], choice, hashing);
    const [holesAlone] = partsOf(tinyForms, [tiny.slice(4)], choice);
    const built = csvExportFromParts(tinyForms, [codesAlone as CsvPart, holesAlone as CsvPart], { labels: 'codes', privacy, today });
    const model = buildExportModel(tinyForms, [...tiny.slice(0, 3), ...tiny.slice(4)], { labels: 'codes', privacy, today });
    if (!built?.ok || !model.ok) throw new Error('an export failed');
    expect(view(built.value.files)).toEqual(view(csvFiles(model.value, { bom: false })));
    // Without Secret SA, Bilbao Moldes keeps ten digits.
    expect(view(built.value.files)[0]?.text).toContain(',F-fedcba9876,');
  });

  it('are not put together when the parts were made with another secret or another hash', () => {
    const otherSecret = { secret: new Uint8Array(32).fill(9), hmac: nodeHmac };
    const otherHash: HmacSha256 = (key, message) => nodeHmac(key, new Uint8Array([...message, 0x21]));
    const privacy: Privacy = { mode: 'pseudonymised', secret: testSecret, hmac: nodeHmac };
    for (const hashing of [otherSecret, { secret: testSecret, hmac: otherHash }]) {
      for (const cut of [0, 3, tiny.length]) {
        const parts = partsOf(tinyForms, split(tiny, cut), choices[0] as Choice, hashing);
        expect(csvExportFromParts(tinyForms, parts, { labels: 'codes', privacy, today })).toBeNull();
      }
    }
  });

  it('leave holes, as parts that do not know it, when the secret is too weak to be used', () => {
    const [part] = partsOf(tinyForms, [tiny], choices[0] as Choice, { secret: new Uint8Array(8), hmac: nodeHmac });
    expect(part?.made.codesWritten).toBeUndefined();
    expect(part?.forms[0]?.tables?.[0]?.holeAt.length).toBeGreaterThan(0);
  });
});
