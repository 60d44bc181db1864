import { defineConfig } from 'vitest/config';

// The fast suites, tests/unit/: pure modules and the captures against local servers, in this
// process (no site builds, no browser, no command run as a process), so mutation testing
// (stryker.config.mjs) can see which test covers which line. Other kinds live in tests/commands/,
// tests/site/ and tests/browser/, and only `npm test` runs them.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
