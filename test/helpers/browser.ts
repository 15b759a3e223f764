/**
 * Debian's Chromium driven by playwright-core, started the way this machine needs it: headless,
 * no sandbox (root), and none of the background traffic a closed network would refuse.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type LaunchOptions } from 'playwright-core';

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface BrowserOptions {
  readonly locale?: string;
}

const launchOptions = (): LaunchOptions => ({ executablePath: chromiumPath, args: chromiumArgs, headless: true });

export function launchBrowser(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** A browser profile kept on disk, so a test can close the browser and open it again. */
export interface PersistentProfile {
  readonly dir: string;
  open(options?: BrowserOptions): Promise<BrowserContext>;
  remove(): Promise<void>;
}

export async function createPersistentProfile(): Promise<PersistentProfile> {
  const dir = await mkdtemp(join(tmpdir(), 'maillage-profile-'));
  return {
    dir,
    open: (options = {}) =>
      chromium.launchPersistentContext(dir, {
        ...launchOptions(),
        locale: options.locale ?? 'fr-FR',
        viewport: { width: 1280, height: 800 },
      }),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
