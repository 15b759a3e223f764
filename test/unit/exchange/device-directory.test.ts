import { describe, expect, it } from 'vitest';
import { mergeDatasets } from '../../../core/exchange/bundle/dataset';
import { directoryItems, directoryOf, laterLabel, mergeDirectories } from '../../../core/exchange/bundle/device-directory';
import { readBundle } from '../../../core/exchange/bundle/read-bundle';
import { maxDirectoryDevices } from '../../../core/exchange/bundle/schema';
import { writeBundle } from '../../../core/exchange/bundle/write-bundle';
import { bundleTime, craftBundle, datasetOf, emptyRecords, origin } from '../../helpers/bundles';
import { anInterview } from '../../helpers/factories';

const yanis = { name: 'Portable de Yanis', researcher: 'Yanis Haddad', at: '2026-11-20T08:00:00.000Z' };
const camille = { name: 'Laptop of Camille', researcher: 'Camille Roux', at: '2026-11-21T08:00:00.000Z' };

describe('the device directory', () => {
  it('keeps each device’s latest label, the same one whatever the order', () => {
    const renamed = { ...yanis, name: 'Yanis (terrain)', at: '2026-11-25T08:00:00.000Z' };
    expect(laterLabel(yanis, renamed)).toBe(renamed);
    expect(laterLabel(renamed, yanis)).toBe(renamed);
    // Two labels of the same time: one of them, on every computer.
    const twin = { ...yanis, name: 'Autre nom' };
    expect(laterLabel(yanis, twin)).toEqual(laterLabel(twin, yanis));
    const a = new Map([['d-y', yanis]]);
    const b = new Map([['d-y', renamed], ['d-c', camille]]);
    const sorted = (d: ReturnType<typeof mergeDirectories>) => [...d].sort(([x], [y]) => (x < y ? -1 : 1));
    expect(sorted(mergeDirectories(a, b))).toEqual(sorted(mergeDirectories(b, a)));
    expect(mergeDirectories(a, b).get('d-y')).toBe(renamed);
  });

  it('travels in the manifest: the writer as `device`, the others sorted in `devices`, and reads back whole', () => {
    const dataset = { ...datasetOf([anInterview()]), devices: new Map([['d-y', yanis], ['d-c', camille], [origin.device.id, { ...camille, name: 'stale' }]]) };
    const read = readBundle(writeBundle(dataset, origin), bundleTime);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.manifest.devices).toEqual([{ id: 'd-c', ...camille }, { id: 'd-y', ...yanis }]);
    expect(read.value.dataset.devices?.get('d-y')).toEqual(yanis);
    // The writer's own label is what its manifest says now, not what others said of it.
    expect(read.value.dataset.devices?.get(origin.device.id)).toEqual({ name: origin.device.name, researcher: origin.researcher, at: bundleTime.toISOString() });
  });

  it('is left out of a bundle whose writer knows no other device: its bytes are those of before', () => {
    const dataset = datasetOf([anInterview()]);
    const plain = writeBundle(dataset, origin);
    expect(writeBundle({ ...dataset, devices: new Map([[origin.device.id, camille]]) }, origin)).toEqual(plain);
    const read = readBundle(plain, bundleTime);
    expect(read.ok && read.value.manifest.devices).toBeUndefined();
    expect(read.ok && [...(read.value.dataset.devices ?? new Map()).keys()]).toEqual([origin.device.id]);
  });

  it('goes along with merged datasets, and only when there is one', () => {
    const plain = datasetOf([anInterview()]);
    expect(mergeDatasets(plain, plain).devices).toBeUndefined();
    expect(mergeDatasets(plain, { ...plain, devices: new Map([['d-y', yanis]]) }).devices?.get('d-y')).toEqual(yanis);
  });

  it('refuses a manifest whose directory is not one, as any other broken manifest', () => {
    const bad = readBundle(craftBundle(emptyRecords, { devices: [{ id: 'd-y', name: 3 }] }), bundleTime);
    expect(!bad.ok && bad.error.code).toBe('invalid-record');
    const many = Array.from({ length: maxDirectoryDevices + 1 }, (_, i) => ({ id: `d-${i}`, ...yanis }));
    const tooMany = readBundle(craftBundle(emptyRecords, { devices: many }), bundleTime);
    expect(!tooMany.ok && tooMany.error.code).toBe('invalid-record');
    const good = readBundle(craftBundle(emptyRecords, { devices: [{ id: 'd-y', ...yanis, colour: 'blue' }] }), bundleTime);
    expect(good.ok && good.value.dataset.devices?.get('d-y')).toEqual(yanis);
  });

  it('leaves out a writer whose id or time could not travel in a directory, so that no bundle written after is refused', () => {
    for (const overrides of [{ device: { id: '', name: 'Sans id' } }, { exportedAt: `${bundleTime.toISOString()} (heure de Paris, rédigé à la main)` }]) {
      const read = readBundle(craftBundle(emptyRecords, { ...overrides, devices: [{ id: 'd-y', ...yanis }] }), bundleTime);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      expect([...(read.value.dataset.devices ?? new Map()).keys()]).toEqual(['d-y']);
      const again = readBundle(writeBundle(read.value.dataset, origin), bundleTime);
      expect(again.ok && again.value.manifest.devices).toEqual([{ id: 'd-y', ...yanis }]);
    }
    // And a label that could not travel is never written, wherever it came from.
    expect(directoryItems(new Map([['d-y', yanis], ['', yanis], ['d-z', { ...yanis, at: 'x'.repeat(41) }]]), origin.device.id).map((item) => item.id)).toEqual(['d-y']);
  });

  it('writes at most what a reader takes, the devices heard from last', () => {
    const directory = new Map(Array.from({ length: maxDirectoryDevices + 2 }, (_, i) => [`d-${String(i).padStart(5, '0')}`, { ...yanis, at: new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString() }]));
    const items = directoryItems(directory, 'd-00005');
    expect(items).toHaveLength(maxDirectoryDevices);
    // 10,001 others: the one heard from first is left out.
    expect(items[0]?.id).toBe('d-00001');
    expect(items.some((item) => item.id === 'd-00005')).toBe(false);
  });

  it('reads the writer from every bundle, with its researcher', () => {
    const read = readBundle(writeBundle(datasetOf([]), { ...origin, device: { id: 'd-c', name: camille.name }, researcher: camille.researcher }), bundleTime);
    expect(read.ok && directoryOf(read.value.manifest).get('d-c')).toEqual({ ...camille, at: bundleTime.toISOString() });
  });
});
