import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One real PostgreSQL server for the run; each test file makes its own database on it.
    globalSetup: ['./tests/helpers/postgres-global-setup.ts'],
    // End-to-end tests boot real HTTP servers; give slow CI machines room.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
  },
});
