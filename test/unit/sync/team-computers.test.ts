import { describe, expect, it } from 'vitest';
import { teamComputers } from '../../../renderer/src/features/sync/team-computers';

const anna = { id: 'd-anna', name: 'Portable d’Anna', researcher: 'Anna Perrin', exportedAt: '2026-11-20T08:00:00.000Z', importedAt: '2026-11-21T08:00:00.000Z' };

describe('the team’s computers in the sync panel', () => {
  it('lists those we received bundles from, then those known only through others’ bundles, never this one', () => {
    const directory = new Map([
      ['d-anna', { name: 'Anna (renamed)', researcher: 'Anna Perrin', at: '2026-11-22T08:00:00.000Z' }],
      ['d-mine', { name: 'Me', researcher: 'Camille', at: '2026-11-22T08:00:00.000Z' }],
      ['d-zoe', { name: 'Portable de Zoé', researcher: 'Zoé Martin', at: '2026-11-19T08:00:00.000Z' }],
      ['d-bruno', { name: '', researcher: 'Bruno Favre', at: '2026-11-18T08:00:00.000Z' }],
    ]);
    expect(teamComputers([anna, { ...anna, id: 'd-mine' }], directory, 'd-mine')).toEqual([
      // Received from directly, and renamed since (a colleague's bundle said so): its latest name, our import's times.
      { ...anna, name: 'Anna (renamed)' },
      { id: 'd-bruno', name: 'Bruno Favre', researcher: 'Bruno Favre', exportedAt: '2026-11-18T08:00:00.000Z', importedAt: null },
      { id: 'd-zoe', name: 'Portable de Zoé', researcher: 'Zoé Martin', exportedAt: '2026-11-19T08:00:00.000Z', importedAt: null },
    ]);
    expect(teamComputers([], new Map(), null)).toEqual([]);
  });

  it('keeps the name of a computer received from directly when others only knew an older one', () => {
    const directory = new Map([['d-anna', { name: 'Old name', researcher: 'Anna Perrin', at: '2026-11-01T08:00:00.000Z' }]]);
    expect(teamComputers([anna], directory, null)).toEqual([anna]);
  });

  it('tells apart two computers of the same name by their ids', () => {
    const directory = new Map([['d-bruno', { name: 'Maillage', researcher: '', at: '2026-11-18T08:00:00.000Z' }]]);
    expect(teamComputers([{ ...anna, name: 'Maillage' }], directory, null).map((computer) => computer.name)).toEqual(['Maillage (d-anna)', 'Maillage (d-bruno)']);
  });
});
