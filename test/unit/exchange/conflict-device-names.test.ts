import { describe, expect, it } from 'vitest';
import { conflictDeviceNames, type DeviceNaming } from '../../../renderer/src/features/exchange/conflict-device-names';

const known: Record<string, { name: string; researcher: string }> = {
  'd-anna': { name: 'Portable d’Anna', researcher: 'Anna Perrin' },
  'd-bruno': { name: 'Maillage', researcher: '' },
  'd-chloe-0123456789': { name: 'Maillage', researcher: '' },
  'd-yanis': { name: '', researcher: 'Yanis Haddad' },
};
const naming: DeviceNaming = {
  own: 'd-mine',
  labelOf: (id) => known[id],
  thisComputer: 'cet ordinateur',
  unknown: (id) => `un autre ordinateur (${id}…)`,
};

describe('the names of the computers that wrote a conflict’s versions', () => {
  it('are this computer, a known name, the researcher’s when the device gave none, or the start of an unknown id', () => {
    expect([...conflictDeviceNames(['d-mine', 'd-anna', 'd-yanis', 'd-unknown-0123456789'], naming)]).toEqual([
      ['d-mine', 'cet ordinateur'],
      ['d-anna', 'Portable d’Anna'],
      ['d-yanis', 'Yanis Haddad'],
      ['d-unknown-0123456789', 'un autre ordinateur (d-unknown-…)'],
    ]);
  });

  it('tell apart two computers of the same name by their ids, and only then', () => {
    expect([...conflictDeviceNames(['d-bruno', 'd-chloe-0123456789', 'd-bruno'], naming)]).toEqual([
      ['d-bruno', 'Maillage (d-bruno)'],
      ['d-chloe-0123456789', 'Maillage (d-chloe-0123456789)'],
    ]);
    expect(conflictDeviceNames(['d-bruno', 'd-anna'], naming).get('d-bruno')).toBe('Maillage');
    // Long ids that share their start, and a computer named as this one calls itself.
    const alike = { ...naming, labelOf: () => ({ name: 'Maillage', researcher: '' }) };
    expect([...conflictDeviceNames(['laptop-camille-01', 'laptop-camille-02'], alike).values()]).toEqual(['Maillage (laptop-camille-01)', 'Maillage (laptop-camille-02)']);
    const mimic = { ...naming, labelOf: () => ({ name: 'cet ordinateur', researcher: '' }) };
    expect([...conflictDeviceNames(['d-mine', 'd-other'], mimic).values()]).toEqual(['cet ordinateur (d-mine)', 'cet ordinateur (d-other)']);
  });
});
