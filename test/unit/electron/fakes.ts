/**
 * Fakes for the `electron` module, shared by the shell's unit tests. No Electron binary runs in
 * unit tests, so a test file does
 *   vi.mock('electron', async () => (await import('./fakes')).electronFake);
 * and steers the same instance through `electronFake`, typed with the fakes' own types. Only
 * what main and the preload touch is faked: anything else is undefined and fails loudly.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent } from 'electron';
import { vi } from 'vitest';

export class FakeWebContents extends EventEmitter {
  readonly setWindowOpenHandler = vi.fn();
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  static readonly fromWebContents = vi.fn((): FakeBrowserWindow | null => null);
  static readonly getFocusedWindow = vi.fn((): FakeBrowserWindow | null => null);

  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
  readonly isDestroyed = vi.fn(() => false);

  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  private markReadyNow: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => {
    this.markReadyNow = resolve;
  });

  readonly enableSandbox = vi.fn();
  readonly requestSingleInstanceLock = vi.fn(() => true);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  readonly getLocale = vi.fn(() => 'fr-FR');
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getPath = vi.fn((name: string) => `/home/researcher/.config/Maillage/${name}`);
  readonly whenReady = vi.fn(() => this.ready);

  /** Resolves `app.whenReady()`, as Electron does once it has started. */
  markReady(): void {
    this.markReadyNow();
  }
}

function createElectronModule() {
  return {
    app: new FakeApp(),
    BrowserWindow: FakeBrowserWindow,
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setDevicePermissionHandler: vi.fn(),
      },
    },
    ipcMain: { handle: vi.fn((_channel: string, _listener: unknown) => undefined) },
    ipcRenderer: { invoke: vi.fn(() => Promise.resolve({ ok: true, value: null })) },
    contextBridge: { exposeInMainWorld: vi.fn() },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    dialog: {
      showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true, filePath: '' })),
      showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
      showMessageBox: vi.fn(() => Promise.resolve({ response: 0, checkboxChecked: false })),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
  };
}

export type ElectronFake = ReturnType<typeof createElectronModule>;

/** The instance `vi.mock('electron', …)` hands to the code under test (one per module graph). */
export const electronFake: ElectronFake = createElectronModule();

type InvokeListener = Parameters<IpcMain['handle']>[1];

/** An ipcMain that records handlers and lets a test invoke them as the renderer would. */
export function fakeIpcMain() {
  const listeners = new Map<string, InvokeListener>();
  return {
    ipcMain: {
      handle: (channel: string, listener: InvokeListener) => {
        listeners.set(channel, listener);
      },
    } satisfies Pick<IpcMain, 'handle'>,
    channels: (): string[] => [...listeners.keys()],
    async invoke(channel: string, event: IpcMainInvokeEvent, request: unknown): Promise<unknown> {
      const listener = listeners.get(channel);
      if (listener === undefined) throw new Error(`no handler for ${channel}`);
      const answer: unknown = await listener(event, request);
      return answer;
    },
  };
}

/**
 * An invoke event from a frame at `frameUrl` (null: the frame is gone). Only the fields main
 * reads are filled in; a real IpcMainInvokeEvent needs a running Electron, hence the cast.
 */
export function fakeInvokeEvent(frameUrl: string | null, sender: object = new FakeWebContents()): IpcMainInvokeEvent {
  return { senderFrame: frameUrl === null ? null : { url: frameUrl }, sender } as unknown as IpcMainInvokeEvent;
}
