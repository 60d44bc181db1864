import { defineConfig } from 'vitest/config';

// The fast suites: pure modules and the snapshot pipeline against local servers, without site
// builds or a browser. Mutation testing (stryker.config.mjs) runs these for every mutant.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Site builds, the browser, and commands run as processes (which mutation testing cannot see into).
    exclude: [
      'tests/site.test.ts',
      'tests/feeds.test.ts',
      'tests/html-valid.test.ts',
      'tests/empty-site.test.ts',
      'tests/topic-pages.test.ts',
      'tests/demo.test.ts',
      'tests/e2e/**',
      'tests/snapshot-cli.test.ts',
      'tests/backfill.test.ts',
      'tests/email.test.ts',
      'tests/bench.test.ts',
      'tests/deploy-s3.test.ts',
    ],
    testTimeout: 60_000,
  },
});
