/**
 * Serves the built renderer from `app://maillage/` instead of `file://`.
 *
 * A custom scheme gives the page a real, fixed origin (storage, CSP and the IPC sender check all
 * key on it) and lets us refuse anything outside the renderer folder. `resolveAppPath` is the
 * whole path-traversal guard and is pure, so the adversarial cases are unit-tested without
 * Electron. It judges the *raw* URL: WHATWG parsing silently folds `..` and `%2e%2e` away, and a
 * guard that only saw the folded path could not tell an attack from a typo.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { err, ok, type Result } from '../../../core/shared/result';
import { contentSecurityPolicy } from './csp';
import { mimeTypeFor } from './mime';
import { APP_HOST, APP_SCHEME, isAppUrl, parseUrl } from './origin';

export type AppPathError = 'malformed-url' | 'wrong-origin' | 'forbidden-path';

const INDEX_FILE = 'index.html';
const rawPathPattern = new RegExp(`^${APP_SCHEME}://${APP_HOST}(/[^?#]*)?(?:[?#]|$)`, 'i');

/** Backslashes (a Windows separator) and control characters (NUL above all) are never valid. */
function hasForbiddenCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (char === '\\' || code < 0x20 || code === 0x7f) return true;
  }
  return false;
}

/**
 * One decoded path segment, or undefined when it could name something other than a plain file
 * or folder: encoded separators (`%2f`, `%5c`), drive letters and NTFS streams (`:`), and any
 * segment ending in a dot or space, because Windows strips those and `.. ` would become `..`.
 */
function decodeSegment(segment: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  if (decoded === '' || /[/:]/.test(decoded) || /[. ]$/.test(decoded)) return undefined;
  return hasForbiddenCharacter(decoded) ? undefined : decoded;
}

/** Maps an `app://maillage/…` URL to a file inside `rootDir`, or says why it may not. */
export function resolveAppPath(rootDir: string, requestUrl: string): Result<string, AppPathError> {
  if (parseUrl(requestUrl) === undefined) return err('malformed-url');
  if (!isAppUrl(requestUrl)) return err('wrong-origin');
  if (hasForbiddenCharacter(requestUrl)) return err('forbidden-path');
  const match = rawPathPattern.exec(requestUrl);
  if (match === null) return err('wrong-origin');

  const rawPath = match[1] ?? '/';
  const segments = rawPath === '/' ? [INDEX_FILE] : rawPath.slice(1).split('/').map(decodeSegment);
  const names = segments.filter((name): name is string => name !== undefined);
  if (names.length !== segments.length) return err('forbidden-path');

  // Defence in depth: whatever the rules above missed, the result must stay under the root.
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...names);
  const relative = path.relative(root, resolved);
  if (relative === '' || path.isAbsolute(relative) || relative.split(path.sep)[0] === '..') {
    return err('forbidden-path');
  }
  return ok(resolved);
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
} as const;

function refuse(status: 400 | 404 | 405): Response {
  return new Response(null, { status, headers: securityHeaders });
}

/**
 * Reads the file, falling back to index.html for extension-less paths so that reloading on a
 * client-side route (`app://maillage/interviews/42`) shows the app rather than a blank 404.
 */
async function readAsset(filePath: string, rootDir: string): Promise<{ path: string; bytes: Uint8Array } | undefined> {
  try {
    return { path: filePath, bytes: await readFile(filePath) };
  } catch {
    if (path.extname(filePath) !== '') return undefined;
    const indexPath = path.join(rootDir, INDEX_FILE);
    return readFile(indexPath).then(
      (bytes) => ({ path: indexPath, bytes }),
      () => undefined,
    );
  }
}

/** Answers one request for the `app` scheme; exported for tests, used by registerAppProtocol. */
export async function serveAppRequest(rootDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const resolved = resolveAppPath(rootDir, request.url);
  if (!resolved.ok) return refuse(resolved.error === 'wrong-origin' ? 404 : 400);

  const asset = await readAsset(resolved.value, rootDir);
  if (asset === undefined) return refuse(404);
  const body = request.method === 'HEAD' ? null : new Uint8Array(asset.bytes);
  return new Response(body, {
    status: 200,
    headers: { ...securityHeaders, 'Content-Type': mimeTypeFor(asset.path) },
  });
}

/** Serves `rootDir` on `app://maillage/`. Call once the app is ready. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rootDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(rootDir, request));
}
