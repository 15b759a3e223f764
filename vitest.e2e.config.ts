import { defineConfig } from 'vitest/config';

// End-to-end tests: the built renderer served by Vite's preview() on 127.0.0.1, driven in
// Debian's Chromium by playwright-core. One file at a time: the machine has two cores.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
