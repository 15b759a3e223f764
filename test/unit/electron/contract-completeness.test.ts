/**
 * The contract, main and the preload must agree channel for channel: a channel nobody handles,
 * or a bridge method on the wrong channel, would fail only at run time in the field.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bridgeGlobalName, bridgeMethods, channels } from '../../../electron/bridge-contract';
import { channelNames, createHandlers, registerHandlers } from '../../../electron/main/ipc/register';
import { electronFake, fakeIpcMain } from './fakes';

vi.mock('electron', async () => (await import('./fakes')).electronFake);

const contractChannels = Object.keys(channels).sort();
const methodEntries = Object.entries(bridgeMethods).flatMap(([group, methods]) =>
  Object.entries(methods).map(([method, channel]) => ({ group, method, channel })),
);

type ExposedBridge = Record<string, Record<string, (request?: unknown) => Promise<unknown>> | undefined>;
let exposedName = '';
let bridge: ExposedBridge = {};

// Loading the preload against the fake electron runs it once, as Electron would per page.
beforeAll(async () => {
  await import('../../../electron/preload/index');
  expect(electronFake.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
  const [call] = electronFake.contextBridge.exposeInMainWorld.mock.calls as unknown as [[string, ExposedBridge]];
  [exposedName, bridge] = call;
});

describe('the bridge contract', () => {
  it('names every channel in exactly one bridge method', () => {
    expect(methodEntries.map((entry) => entry.channel).sort()).toEqual(contractChannels);
  });

  it('has a handler in main for every channel, and registers each one', () => {
    const registry = createHandlers({ applyLanguage: () => undefined });
    expect(Object.keys(registry).sort()).toEqual(contractChannels);
    expect([...channelNames].sort()).toEqual(contractChannels);

    const fake = fakeIpcMain();
    registerHandlers(fake.ipcMain, registry);
    expect(fake.channels().sort()).toEqual(contractChannels);
  });

  it('is exposed by the preload under its global name, one method per entry', () => {
    expect(exposedName).toBe(bridgeGlobalName);
    expect(Object.keys(bridge).sort()).toEqual(Object.keys(bridgeMethods).sort());
    for (const { group, method } of methodEntries) expect(typeof bridge[group]?.[method], `${group}.${method}`).toBe('function');
    const exposedCount = Object.values(bridge).flatMap((methods) => Object.keys(methods ?? {})).length;
    expect(exposedCount).toBe(methodEntries.length);
  });

  it('has each preload method invoke its own channel, passing the request through untouched', async () => {
    for (const { group, method, channel } of methodEntries) {
      electronFake.ipcRenderer.invoke.mockClear();
      const call = bridge[group]?.[method];
      const request = { probe: `${group}.${method}` };
      expect(await call?.(request)).toEqual({ ok: true, value: null });
      const [[invokedChannel, sent]] = electronFake.ipcRenderer.invoke.mock.calls as unknown as [[string, unknown]];
      expect(invokedChannel, `${group}.${method}`).toBe(channel);
      // A method without parameters sends the empty request its channel's validator expects.
      expect(sent, `${group}.${method}`).toEqual(call?.length === 0 ? {} : request);
    }
  });

  it('hands the page only functions: no Node object, no process, no ipcRenderer', () => {
    for (const methods of Object.values(bridge)) {
      for (const value of Object.values(methods ?? {})) expect(typeof value).toBe('function');
    }
    expect(JSON.stringify(Object.keys(bridge))).not.toMatch(/ipc|process|require/i);
  });
});
