import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSetLanguage, getAppInfo } from '../../../electron/main/ipc/app';
import { openFile, saveFile } from '../../../electron/main/ipc/files';
import { openExternal } from '../../../electron/main/ipc/shell';
import { electronFake as electron, FakeBrowserWindow, fakeInvokeEvent } from './fakes';

vi.mock('electron', async () => (await import('./fakes')).electronFake);
const { app, dialog, shell } = electron;

const event = fakeInvokeEvent('app://maillage/index.html');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'maillage-ipc-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
beforeEach(() => {
  vi.clearAllMocks();
});

describe('app:get-info', () => {
  it('describes the Electron shell and where the data lives', async () => {
    expect(await getAppInfo({}, event)).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        dataLocation: { kind: 'folder', path: '/home/researcher/.config/Maillage/userData' },
        platform: process.platform,
        shell: 'electron',
      },
    });
    expect(app.getPath).toHaveBeenCalledWith('userData');
  });
});

describe('app:set-language', () => {
  it('hands the language to main so the menu follows the UI', async () => {
    const applyLanguage = vi.fn();
    expect(await createSetLanguage(applyLanguage)({ language: 'en' }, event)).toEqual({ ok: true, value: null });
    expect(applyLanguage).toHaveBeenCalledWith('en');
  });
});

describe('shell:open-external', () => {
  it('opens an allowlisted link in the system browser', async () => {
    expect(await openExternal({ url: 'https://github.com/' }, event)).toEqual({ ok: true, value: null });
    expect(shell.openExternal).toHaveBeenCalledWith('https://github.com/');
  });

  it.each(['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'http://github.com/'])(
    'refuses %s as not-allowed without touching the shell',
    async (url) => {
      expect(await openExternal({ url }, event)).toMatchObject({ ok: false, error: { code: 'not-allowed' } });
      expect(shell.openExternal).not.toHaveBeenCalled();
    },
  );

  it('reports a desktop that cannot open links as unavailable', async () => {
    electron.shell.openExternal.mockRejectedValueOnce(new Error('no browser'));
    expect(await openExternal({ url: 'https://github.com/' }, event)).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});

describe('files:save', () => {
  const request = { suggestedName: 'entretien.csv', data: new TextEncoder().encode('a;b'), filters: [] };

  it('answers cancelled when the researcher closes the dialog', async () => {
    expect(await saveFile(request, event)).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  it('writes where the researcher chose, with the dialog attached to the asking window', async () => {
    const target = path.join(dir, 'entretien.csv');
    const window = new FakeBrowserWindow({});
    electron.BrowserWindow.fromWebContents.mockReturnValueOnce(window);
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    expect(await saveFile(request, event)).toEqual({ ok: true, value: { status: 'saved', location: target } });
    expect(await readFile(target, 'utf8')).toBe('a;b');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: 'entretien.csv' }));
  });

  it('reports a failed write as a value', async () => {
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(dir, 'no', 'such', 'x.csv') });
    expect(await saveFile(request, event)).toMatchObject({ ok: false, error: { code: 'io' } });
  });
});

describe('files:open', () => {
  it('answers cancelled when the researcher closes the dialog', async () => {
    expect(await openFile({ filters: [] }, event)).toEqual({ ok: true, value: { status: 'cancelled' } });
  });

  it('returns the chosen file name and bytes', async () => {
    const source = path.join(dir, 'terrain.maillage');
    await writeFile(source, 'bundle');
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    const result = await openFile({ filters: [{ name: 'Maillage', extensions: ['maillage'] }] }, event);
    expect(result).toMatchObject({ ok: true, value: { status: 'opened', name: 'terrain.maillage' } });
    expect(result.ok && result.value.status === 'opened' && new TextDecoder().decode(result.value.data)).toBe('bundle');
    expect(dialog.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile'], filters: [{ name: 'Maillage', extensions: ['maillage'] }] }),
    );
  });

  it('lists hidden files when asked (a team’s .maillage-secret)', async () => {
    const source = path.join(dir, '.maillage-secret');
    await writeFile(source, 'c0ffee'.repeat(8));
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
    const result = await openFile({ filters: [], showHidden: true }, event);
    expect(result).toMatchObject({ ok: true, value: { status: 'opened', name: '.maillage-secret' } });
    expect(dialog.showOpenDialog).toHaveBeenLastCalledWith(expect.objectContaining({ properties: ['openFile', 'showHiddenFiles'] }));
  });
});
