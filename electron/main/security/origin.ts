/**
 * The renderer's one origin. Everything the app shows is served from `app://maillage/`, so
 * "is this ours?" is a single comparison used by the protocol handler, the navigation guard and
 * the IPC sender check.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'maillage';
/** The page the main window opens. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Parses `raw` with WHATWG URL rules, or returns undefined when it is not a URL at all. */
export function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/**
 * True when `raw` belongs to the app's own origin. Credentials and ports are refused so that
 * `app://maillage@evil/` or `app://maillage:81/` cannot pass for the real thing.
 */
export function isAppUrl(raw: string): boolean {
  const url = parseUrl(raw);
  return (
    url !== undefined &&
    url.protocol === `${APP_SCHEME}:` &&
    // Chromium lower-cases the host of a standard scheme; Node's URL does not, so compare
    // case-insensitively to give the same answer in both.
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}
