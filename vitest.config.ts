import { defineConfig } from 'vitest/config';

/**
 * The live-preview test runs `astro dev` in this project while the page is open in Chromium; a
 * build run meanwhile in the same project (most test files build) rewrites Vite's dependency cache
 * under that dev server, and its page then misses the reload after an edit. So it runs alone, in
 * a group of its own after every other test file.
 */
const DEV_SERVER_TEST = 'tests/editor/devServer.test.ts';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/globalSetup.ts'],
    testTimeout: 30_000,
    hookTimeout: 600_000,
    // Every status is computed against an explicit date; no test may depend on the machine's zone.
    env: { TZ: 'Pacific/Kiritimati' },
    projects: [
      { extends: true, test: { name: 'site', include: ['tests/**/*.test.ts'], exclude: [DEV_SERVER_TEST] } },
      { extends: true, test: { name: 'live preview', include: [DEV_SERVER_TEST], sequence: { groupOrder: 1 } } },
    ],
  },
});
