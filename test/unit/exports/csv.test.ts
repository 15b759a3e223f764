import { describe, expect, it } from 'vitest';
import { csvBytes, csvField, csvFiles, dictionaryCsvFiles } from '../../../core/exports/csv';
import { aTinyInterview, exportOf, tinyV1 } from '../../helpers/exports';

const text = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('CSV fields (RFC 4180)', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['a; b', '"a; b"'],
    ['il a dit "non"', '"il a dit ""non"""'],
    ['deux\nlignes', '"deux\nlignes"'],
    ['retour\r\nchariot', '"retour\r\nchariot"'],
    [' espace', '" espace"'],
    ['Élodie à Cluses', 'Élodie à Cluses'],
  ])('writes %j as %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes numbers as numbers and empty cells as nothing', () => {
    expect([csvField(12.5), csvField(1987), csvField(0), csvField(null)]).toEqual(['12.5', '1987', '0', '']);
  });
});

describe('CSV files', () => {
  const grid = { header: ['id', 'note'], rows: [['i-1', 'Réseau « Mont-Blanc », 74'], ['i-2', null]] };

  it('end every line with CRLF and encode accents as UTF-8', () => {
    const bytes = csvBytes(grid);
    expect(text(bytes)).toBe('id,note\r\ni-1,"Réseau « Mont-Blanc », 74"\r\ni-2,\r\n');
    expect([...bytes.slice(0, 3)]).toEqual([0x69, 0x64, 0x2c]);
    expect(Buffer.from(bytes).includes(Buffer.from([0xc3, 0xa9]))).toBe(true);
  });

  it('start with a byte-order mark only when asked', () => {
    expect([...csvBytes(grid, { bom: true }).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(csvBytes(grid, { bom: true }).slice(3))).toBe(text(csvBytes(grid)));
  });

  it('are one per table and then the dictionary, named after the form version', () => {
    const model = exportOf([tinyV1()], [aTinyInterview('i-1', { ties: [{ id: '0190-a', answers: { tie_name: 'Atelier' } }] })]);
    const files = csvFiles(model);
    expect(files.map((f) => [f.fileName, f.rows])).toEqual([
      ['tiny-v1__main.csv', 1],
      ['tiny-v1__ties.csv', 1],
      ['tiny-v1__dictionary.csv', undefined],
    ]);
    expect(text(files[0]?.bytes ?? new Uint8Array()).split('\r\n')[0]).toMatch(/^interview_id,form_id,form_version,status,/);
    expect(dictionaryCsvFiles(model).map((f) => f.fileName)).toEqual(['tiny-v1__dictionary.csv']);
  });

  it('are the same bytes for the same data', () => {
    const make = () => csvFiles(exportOf([tinyV1()], [aTinyInterview('i-1', { firm_name: 'Moules Perrin', founded: 1987 })]), { bom: true });
    expect(make()).toEqual(make());
  });
});
