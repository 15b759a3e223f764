/**
 * The preload: builds `window.maillage` from the contract and hands it to the page through
 * contextBridge. No logic, no Node objects, no environment: each method is one `invoke` on the
 * channel `bridgeMethods` names for it. Main validates the request and always answers a
 * BridgeResult (electron/main/ipc/handle.ts).
 *
 * It runs sandboxed, where `require` knows only a few Electron modules, so the build bundles it
 * (with the contract) into a single CommonJS file.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  bridgeGlobalName,
  bridgeMethods,
  type BridgeResult,
  type Channel,
  type MaillageBridge,
  type RequestOf,
  type ResponseOf,
} from '../bridge-contract';

function call<C extends Channel>(channel: C, request: RequestOf<C>): Promise<BridgeResult<ResponseOf<C>>> {
  // `invoke` is typed `Promise<any>`; the answer's shape is guaranteed by main's handle(), which
  // validates every response against the contract before sending it.
  return ipcRenderer.invoke(channel, request) as Promise<BridgeResult<ResponseOf<C>>>;
}

const bridge = {
  app: {
    getInfo: () => call(bridgeMethods.app.getInfo, {}),
    setLanguage: (request) => call(bridgeMethods.app.setLanguage, request),
  },
  files: {
    saveFile: (request) => call(bridgeMethods.files.saveFile, request),
    openFile: (request) => call(bridgeMethods.files.openFile, request),
  },
  shell: {
    openExternal: (request) => call(bridgeMethods.shell.openExternal, request),
  },
  sync: {
    chooseFolder: (request) => call(bridgeMethods.sync.chooseFolder, request),
    getState: () => call(bridgeMethods.sync.getState, {}),
    writeOwn: (request) => call(bridgeMethods.sync.writeOwn, request),
    listOthers: (request) => call(bridgeMethods.sync.listOthers, request),
    forgetFolder: () => call(bridgeMethods.sync.forgetFolder, {}),
  },
  backups: {
    write: (request) => call(bridgeMethods.backups.write, request),
    list: () => call(bridgeMethods.backups.list, {}),
    read: (request) => call(bridgeMethods.backups.read, request),
  },
} satisfies MaillageBridge;

contextBridge.exposeInMainWorld(bridgeGlobalName, bridge);
