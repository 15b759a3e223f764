/**
 * Serves the built renderer with Vite's preview() inside the test process, on 127.0.0.1, so
 * that it stops with the tests (a spawned `vite preview` would outlive them).
 */
import { existsSync } from 'node:fs';
import { preview, type PreviewServer } from 'vite';

export interface RunningPreview {
  readonly url: string;
  close(): Promise<void>;
}

export async function startPreview(): Promise<RunningPreview> {
  if (!existsSync('dist/renderer/index.html')) {
    throw new Error('dist/renderer is missing: run `npm run build:renderer` first (npm test does it).');
  }
  const server: PreviewServer = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('Vite preview did not report a URL');
  return { url, close: () => server.close() };
}
