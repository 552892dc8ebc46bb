import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { InterleavingSequencer } from './test/setup/interleaving-sequencer.js';

// Two projects: fast in-process tests (PGlite or PostgreSQL via DATABASE_URL) and browser tests
// (Playwright driving Debian's Chromium against a real server). `npm test` runs both.
export default defineConfig({
  test: {
    // Vitest leaves one core to itself by default; with two cores that means one test file at a time,
    // while much of a file's time is spent waiting on servers, browsers and child processes.
    maxWorkers: availableParallelism() + 1,
    sequence: { sequencer: InterleavingSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/global-db.ts'],
          pool: 'forks',
          // Files share a worker's module cache instead of importing the whole server again for each
          // file (about 3 s per file); every file still opens its own database and app.
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/global-browser-db.ts', 'test/setup/global-web.ts'],
          pool: 'forks',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
