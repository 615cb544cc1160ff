import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Every status is computed against an explicit date; no test may depend on the machine's zone.
    env: { TZ: 'Pacific/Kiritimati' },
  },
});
