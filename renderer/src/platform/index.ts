/**
 * The only reader of `window.maillage`. In Electron the preload has put the bridge there; in a
 * plain browser it is absent and the browser implementation serves the same interface.
 */
import { bridgeGlobalName, type MaillageBridge } from '../../../electron/bridge-contract';
import { createBrowserBridge } from './browser-bridge';

export type { AppInfo, BridgeError, BridgeErrorCode, BridgeResult, MaillageBridge } from '../../../electron/bridge-contract';

let bridge: MaillageBridge | undefined;

export function getPlatform(): MaillageBridge {
  if (!bridge) {
    const exposed = (window as unknown as Record<string, MaillageBridge | undefined>)[bridgeGlobalName];
    bridge = exposed ?? createBrowserBridge();
  }
  return bridge;
}
