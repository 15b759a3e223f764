import { defineConfig } from 'vitest/config';

// Unit tests: pure core, Dexie over fake-indexeddb, Electron main with `electron` mocked.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['test/helpers/unit-setup.ts'],
    pool: 'threads',
    testTimeout: 20_000,
  },
});
