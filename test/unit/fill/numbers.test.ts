import { describe, expect, it } from 'vitest';
import { formatPlainNumber, parseNumberText } from '../../../renderer/src/features/fill/numbers';

describe('numbers as researchers type them', () => {
  it('reads a French comma, an English point and spaces between thousands', () => {
    expect(parseNumberText('12,5', false)).toEqual({ kind: 'number', value: 12.5 });
    expect(parseNumberText(' 12.5 ', false)).toEqual({ kind: 'number', value: 12.5 });
    expect(parseNumberText('1 200', true)).toEqual({ kind: 'number', value: 1200 });
    expect(parseNumberText('1\u202f200,75', false)).toEqual({ kind: 'number', value: 1200.75 });
    expect(parseNumberText('-3', true)).toEqual({ kind: 'number', value: -3 });
    expect(parseNumberText('12,', false)).toEqual({ kind: 'number', value: 12 });
  });

  it('says empty, not a number, or not a whole number', () => {
    expect(parseNumberText('  ', false)).toEqual({ kind: 'empty' });
    expect(parseNumberText('douze', false)).toEqual({ kind: 'invalid', reason: 'number' });
    expect(parseNumberText('1,200.5', false)).toEqual({ kind: 'invalid', reason: 'number' });
    expect(parseNumberText('1e3', false)).toEqual({ kind: 'invalid', reason: 'number' });
    expect(parseNumberText('1987,5', true)).toEqual({ kind: 'invalid', reason: 'integer' });
  });

  it('writes numbers back without grouping, with the decimal mark of the language', () => {
    expect(formatPlainNumber(12.5, 'fr')).toBe('12,5');
    expect(formatPlainNumber(12.5, 'en')).toBe('12.5');
    expect(formatPlainNumber(1998, 'fr')).toBe('1998');
  });
});
