import { defineConfig } from 'vitest/config';

// Two projects: fast in-process tests (PGlite or PostgreSQL via DATABASE_URL) and browser tests
// (Playwright driving Debian's Chromium against a real server). `npm test` runs both.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts'],
          globalSetup: ['test/setup/global-db.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/setup/global-db.ts', 'test/setup/global-web.ts'],
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
