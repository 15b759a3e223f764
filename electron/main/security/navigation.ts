/**
 * The renderer never leaves `app://maillage/`: navigations, redirects, new windows and
 * `<webview>`s are all refused. The one way out is a link to an allowlisted https site, which
 * opens in the researcher's own browser where it cannot reach the bridge.
 */
import type { HandlerDetails, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl, parseUrl } from './origin';

/** Sites the app links to (source code, journals). Exact hostnames: no subdomain wildcard. */
const externalHosts: ReadonlySet<string> = new Set(['github.com', 'journals.openedition.org', 'www.cairn.info']);

/**
 * True for `https://<allowlisted host>/…` with no credentials and the default port. Parsing
 * with URL (never a regex or `startsWith`) is what defeats `https://github.com.evil.example/`,
 * `https://github.com@evil.example/` and lookalike hosts, which URL turns into punycode.
 */
export function isAllowedExternalUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== undefined &&
    url.protocol === 'https:' &&
    externalHosts.has(url.hostname) &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

export type OpenExternal = (url: string) => void;

interface NavigationEvent {
  readonly url: string;
  preventDefault(): void;
}

/** The part of WebContents the guard uses, spelled out so tests can pass a small fake. */
export interface GuardedContents {
  on(event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: Pick<HandlerDetails, 'url'>) => WindowOpenHandlerResponse): void;
}

/**
 * Applies the navigation policy to one WebContents. Main calls it for every WebContents ever
 * created (`web-contents-created`), so no window can be born without it.
 */
export function hardenWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A plain <a href> to an allowlisted site is a link the researcher meant to follow.
    if (isAllowedExternalUrl(event.url)) openExternal(event.url);
  });
  // Sub-frames get the same rule; they have no business leaving the app either.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // A server redirect is never something the researcher clicked: refuse without opening.
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}
