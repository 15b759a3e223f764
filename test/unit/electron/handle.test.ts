import { describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../core/shared/result';
import { handle } from '../../../electron/main/ipc/handle';
import { fakeInvokeEvent, fakeIpcMain } from './fakes';

const appFrame = 'app://maillage/index.html';

function setup(fn: Parameters<typeof handle<'shell:open-external'>>[2]) {
  const fake = fakeIpcMain();
  handle(fake.ipcMain, 'shell:open-external', fn);
  return (request: unknown, frameUrl: string | null = appFrame) =>
    fake.invoke('shell:open-external', fakeInvokeEvent(frameUrl), request);
}

describe('handle()', () => {
  it('passes a valid request from the app to the handler and returns its value', async () => {
    const fn = vi.fn(() => Promise.resolve(ok(null)));
    const invoke = setup(fn);
    expect(await invoke({ url: 'https://github.com/' })).toEqual({ ok: true, value: null });
    expect(fn).toHaveBeenCalledWith({ url: 'https://github.com/' }, expect.anything());
  });

  it.each([
    ['another origin', 'https://evil.example/'],
    ['another app host', 'app://other/index.html'],
    ['a file: page', 'file:///home/researcher/index.html'],
    ['an origin lookalike', 'app://maillage.evil/index.html'],
    ['a destroyed frame', null],
  ])('refuses a sender from %s without calling the handler', async (_why, frameUrl) => {
    const fn = vi.fn(() => Promise.resolve(ok(null)));
    const invoke = setup(fn);
    expect(await invoke({ url: 'https://github.com/' }, frameUrl)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    ['a missing field', {}],
    ['a wrong type', { url: 42 }],
    ['an extra field', { url: 'https://github.com/', path: '/etc/passwd' }],
    ['no payload', undefined],
    ['an oversized field', { url: `https://github.com/${'a'.repeat(3000)}` }],
  ])('refuses a request with %s without calling the handler', async (_why, request) => {
    const fn = vi.fn(() => Promise.resolve(ok(null)));
    const invoke = setup(fn);
    expect(await invoke(request)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('turns a thrown error into an internal error instead of rejecting', async () => {
    const invoke = setup(() => Promise.reject(new Error('boom')));
    expect(await invoke({ url: 'https://github.com/' })).toEqual({
      ok: false,
      error: { code: 'internal', message: 'shell:open-external: boom' },
    });
  });

  it('turns a synchronous throw into an internal error too', async () => {
    const invoke = setup(() => {
      throw new Error('sync boom');
    });
    expect(await invoke({ url: 'https://github.com/' })).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('passes a handler error value through unchanged', async () => {
    const invoke = setup(() => Promise.resolve(err({ code: 'not-allowed', message: 'no' })));
    expect(await invoke({ url: 'https://github.com/' })).toEqual({ ok: false, error: { code: 'not-allowed', message: 'no' } });
  });

  it('refuses to send a response the contract does not allow', async () => {
    const fake = fakeIpcMain();
    // A buggy handler: the contract says app:get-info never returns a secret.
    handle(fake.ipcMain, 'app:get-info', () =>
      Promise.resolve(
        ok({ version: 1 as unknown as string, dataLocation: { kind: 'folder', path: '/x' }, platform: 'linux', shell: 'electron' }),
      ),
    );
    expect(await fake.invoke('app:get-info', fakeInvokeEvent(appFrame), {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});
