import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/main/security/csp';
import { registerAppProtocol, resolveAppPath, serveAppRequest } from '../../../electron/main/security/protocol';

const root = path.resolve('/srv/maillage/renderer');

describe('resolveAppPath', () => {
  it.each([
    ['app://maillage/', 'index.html'],
    ['app://maillage', 'index.html'],
    ['app://maillage/index.html', 'index.html'],
    ['app://maillage/assets/index-3f9a.js', 'assets/index-3f9a.js'],
    ['app://maillage/assets/index.css?v=2#x', 'assets/index.css'],
    ['app://maillage/fonts/Noto%20Sans.woff2', 'fonts/Noto Sans.woff2'],
    ['APP://MAILLAGE/index.html', 'index.html'],
  ])('maps %s inside the renderer folder', (url, file) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: true, value: path.join(root, file) });
  });

  it.each([
    ['app://other/index.html', 'wrong-origin'],
    ['https://maillage/index.html', 'wrong-origin'],
    ['file:///etc/passwd', 'wrong-origin'],
    ['app://maillage:8080/index.html', 'wrong-origin'],
    ['app://maillage@evil/index.html', 'wrong-origin'],
    ['app://evil@maillage/index.html', 'wrong-origin'],
    ['not a url', 'malformed-url'],
  ])('refuses %s as %s', (url, error) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, error });
  });

  it.each([
    ['dot-dot segments', 'app://maillage/../../etc/passwd'],
    ['dot-dot segments inside the path', 'app://maillage/assets/../../../etc/passwd'],
    ['encoded dot-dot segments', 'app://maillage/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dot-dot', 'app://maillage/%2E%2E/etc/passwd'],
    ['half-encoded dot-dot', 'app://maillage/.%2e/etc/passwd'],
    ['encoded slashes', 'app://maillage/..%2f..%2fetc'],
    ['an encoded slash in a name', 'app://maillage/assets%2Findex.js'],
    ['an encoded absolute path', 'app://maillage/%2Fetc%2Fpasswd'],
    ['an empty segment (absolute path)', 'app://maillage//etc/passwd'],
    ['a backslash', 'app://maillage/..\\..\\windows\\win.ini'],
    ['an encoded backslash', 'app://maillage/..%5c..%5cwindows%5cwin.ini'],
    ['a NUL byte', 'app://maillage/index.html\u0000.png'],
    ['an encoded NUL byte', 'app://maillage/index.html%00.png'],
    ['a drive letter', 'app://maillage/C:/Windows/win.ini'],
    ['an NTFS stream', 'app://maillage/index.html::$DATA'],
    ['a single dot segment', 'app://maillage/./index.html'],
    ['a trailing-dot name Windows would shorten', 'app://maillage/index.html.'],
    ['a dot-dot-space Windows would shorten to dot-dot', 'app://maillage/..%20/etc/passwd'],
    ['malformed percent-encoding', 'app://maillage/%E0%A4%A'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppPath(root, url)).toEqual({ ok: false, error: 'forbidden-path' });
  });
});

describe('serving app:// requests', () => {
  let dir = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'maillage-protocol-'));
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>Maillage</title>');
    await writeFile(path.join(dir, 'assets/app.js'), 'console.log(1);');
    await writeFile(path.join(dir, 'assets/app.css'), 'body{}');
    await writeFile(path.join(dir, 'assets/font.woff2'), new Uint8Array([1, 2, 3]));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const get = (url: string, method = 'GET') => serveAppRequest(dir, new Request(url, { method }));

  it.each([
    ['app://maillage/', 'text/html; charset=utf-8'],
    ['app://maillage/assets/app.js', 'text/javascript; charset=utf-8'],
    ['app://maillage/assets/app.css', 'text/css; charset=utf-8'],
    ['app://maillage/assets/font.woff2', 'font/woff2'],
  ])('serves %s as %s with the CSP', async (url, type) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('returns the file bytes', async () => {
    const response = await get('app://maillage/assets/app.js');
    expect(await response.text()).toBe('console.log(1);');
  });

  it('serves index.html for a client-side route, but 404 for a missing asset', async () => {
    const route = await get('app://maillage/interviews/42');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Maillage</title>');
    expect((await get('app://maillage/assets/missing.js')).status).toBe(404);
  });

  it('never serves a file outside the folder', async () => {
    // Request (like Chromium) folds `..` and `%2e%2e` before the handler sees the URL, so this
    // arrives as app://maillage/etc/passwd: a missing route inside the folder, answered by index.
    const folded = await get('app://maillage/%2e%2e/%2e%2e/etc/passwd');
    expect(await folded.text()).toContain('<title>Maillage</title>');
    expect((await get('app://maillage/..%2f..%2fetc%2fpasswd')).status).toBe(400);
  });

  it('refuses foreign hosts and writes', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://maillage/index.html', 'POST')).status).toBe(405);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://maillage/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('registers the handler on the app scheme', async () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, dir);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const [[, handler]] = protocol.handle.mock.calls as [[string, (request: Request) => Promise<Response>]];
    expect((await handler(new Request('app://maillage/index.html'))).status).toBe(200);
  });
});
