import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The built page carries the same Content-Security-Policy as the Electron protocol handler sends,
 * so the browser variant and the end-to-end tests run under the rules of the desktop app: no
 * eval, no inline script. (The dev server is left without it: React's refresh preamble is inline.)
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const cspMeta = (): Plugin => ({
  name: 'maillage-csp-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy }, injectTo: 'head-prepend' },
  ],
});

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), cspMeta()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // One small entry: heavy features (PDF, spreadsheets) are loaded lazily when first used. The
    // largest of those, the XLSX writer (exceljs), is about 930 kB.
    chunkSizeWarningLimit: 1000,
  },
  // Workers as ES modules (they are started with `type: 'module'`), so that what they load lazily
  // (the XLSX writer, the built-in forms) stays in its own chunks instead of in every worker start.
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
