import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    globalSetup: ['test/support/global-setup.ts'],
    // Workers and browser tests start real processes; give them room without hiding hangs.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
