import { defineConfig } from 'vitest/config';

// unit: pure rules, no database. integration: the real app on a real database (PGlite, or
// PostgreSQL with TEST_DB_KIND=postgresql). e2e: Chromium against the built web app.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts', 'web/**/*.test.ts'], exclude: ['**/*.int.test.ts', '**/node_modules/**'] } },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts', 'tests/integration/**/*.test.ts', 'examples/**/*.int.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
