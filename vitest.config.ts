import { defineConfig } from 'vitest/config'

// Tests share one PostgreSQL server and one embedded data folder per file; files run in parallel
// forks, each creating its own database (see db/test-database.ts).
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'web/dist/**', 'data/**'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    globalSetup: ['db/test-global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
})
