/** Backups on a real temporary folder, through the "backups" IPC handlers (electron mocked). */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackupHandlers } from '../../../electron/main/ipc/backups';
import { fakeInvokeEvent } from './fakes';

vi.mock('electron', async () => (await import('./fakes')).electronFake);

const event = fakeInvokeEvent('app://maillage/index.html');
const start = Date.parse('2026-11-28T10:00:00.000Z');
let userData = '';
let clock = start;

beforeEach(async () => {
  userData = await mkdtemp(path.join(tmpdir(), 'maillage-backups-'));
  clock = start;
});
afterEach(async () => {
  await rm(userData, { recursive: true, force: true });
});

const backups = () => createBackupHandlers({ userData: () => userData, now: () => new Date(clock) });
const bytes = (text: string) => new TextEncoder().encode(text);

describe('backups', () => {
  it('writes a named, dated backup in userData/backups and lists it', async () => {
    const handlers = backups();
    const written = await handlers['backups:write']({ bytes: bytes('bundle'), reason: 'activity', interviews: 12 }, event);
    expect(written).toEqual({ ok: true, value: { file: 'maillage-20261128T100000000Z-12.maillage', createdAt: '2026-11-28T10:00:00.000Z', size: 6, interviews: 12 } });
    expect(await readdir(path.join(userData, 'backups'))).toEqual(['maillage-20261128T100000000Z-12.maillage']);
    expect(await handlers['backups:list']({}, event)).toEqual({ ok: true, value: [written.ok && written.value] });
  });

  it('lists newest first and reads one back', async () => {
    const handlers = backups();
    await handlers['backups:write']({ bytes: bytes('first'), reason: 'activity', interviews: 1 }, event);
    clock += 600_000;
    await handlers['backups:write']({ bytes: bytes('second'), reason: 'exit', interviews: 2 }, event);
    const listed = await handlers['backups:list']({}, event);
    expect(listed.ok && listed.value.map((b) => b.interviews)).toEqual([2, 1]);
    const file = listed.ok ? listed.value[1]?.file ?? '' : '';
    const read = await handlers['backups:read']({ file }, event);
    expect(read.ok && new TextDecoder().decode(read.value)).toBe('first');
  });

  it('prunes by the rotation after each write, touching nothing else in the folder', async () => {
    const handlers = backups();
    await handlers['backups:write']({ bytes: bytes('x'), reason: 'activity', interviews: 0 }, event);
    await writeFile(path.join(userData, 'backups', 'notes.txt'), 'mine');
    for (let i = 0; i < 30; i++) {
      clock += 60_000;
      await handlers['backups:write']({ bytes: bytes(`v${i}`), reason: 'activity', interviews: i }, event);
    }
    const names = await readdir(path.join(userData, 'backups'));
    expect(names).toContain('notes.txt');
    expect(names.filter((n) => n.endsWith('.maillage'))).toHaveLength(20);
    const listed = await handlers['backups:list']({}, event);
    expect(listed.ok && listed.value[0]?.interviews).toBe(29);
  });

  it('lists nothing before the first backup', async () => {
    expect(await backups()['backups:list']({}, event)).toEqual({ ok: true, value: [] });
  });

  it('refuses to read anything but a backup by its plain name', async () => {
    const handlers = backups();
    for (const file of ['../sync-settings.json', 'notes.txt', '/etc/passwd', 'maillage-20261128T100000000Z-1.maillage/../../x']) {
      expect(await handlers['backups:read']({ file }, event)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
    }
    expect(await handlers['backups:read']({ file: 'maillage-20261128T100000000Z-1.maillage' }, event)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('reports an unwritable userData as a value', async () => {
    await writeFile(path.join(userData, 'backups'), 'a file where the folder should be');
    expect(await backups()['backups:write']({ bytes: bytes('x'), reason: 'exit', interviews: 1 }, event)).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});
