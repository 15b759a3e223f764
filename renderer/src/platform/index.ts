/**
 * The only reader of `window.maillage`. In Electron the preload has put the bridge there; in a
 * plain browser it is absent and the browser implementation serves the same interface.
 */
import { bridgeGlobalName, type MaillageBridge } from '../../../electron/bridge-contract';
import { createBrowserBridge } from './browser-bridge';
import type { BrowserBridgeDeps } from './browser-deps';

export type * from './types';
export type { BrowserBridgeDeps } from './browser-deps';

let bridge: MaillageBridge | undefined;

/** `browser` serves the browser implementation only: Electron's bridge needs nothing from the page. */
export function getPlatform(browser: BrowserBridgeDeps): MaillageBridge {
  if (!bridge) {
    const exposed = (window as unknown as Record<string, MaillageBridge | undefined>)[bridgeGlobalName];
    bridge = exposed ?? createBrowserBridge(browser);
  }
  return bridge;
}
