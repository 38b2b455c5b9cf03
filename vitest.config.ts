import { defineConfig } from 'vitest/config';

/**
 * One `vitest run` runs every suite. Storage suites use the embedded database unless
 * TEST_DATABASE_URL points at a PostgreSQL server (CI runs both). The browser suite drives the
 * real server in Chromium and needs /usr/bin/chromium (or CHROMIUM_PATH).
 */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'core', include: ['packages/core/test/**/*.test.ts'] } },
      {
        test: {
          name: 'db',
          include: ['packages/db/test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      { test: { name: 'importers', include: ['packages/importers/test/**/*.test.ts'] } },
      {
        test: {
          name: 'services',
          include: ['packages/services/test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'server',
          include: ['apps/server/test/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'cli',
          include: ['apps/cli/test/**/*.test.ts'],
          globalSetup: ['test/demo-folder-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['apps/web/src/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.e2e.test.ts'],
          globalSetup: ['test/demo-folder-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
