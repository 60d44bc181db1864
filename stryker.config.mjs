// Mutation testing of the pure modules: `npm run test:mutation`. Each mutant is run against the
// fast suites (vitest.unit.config.ts); incremental mode reruns only mutants whose code or tests
// changed since the last run. Scores and the reasoning about survivors: docs/testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  coverageAnalysis: 'perTest',
  // The modules whose behaviour users depend on most; each is held to 80% killed (docs/testing.md).
  mutate: [
    'src/lib/feeds.ts',
    'src/lib/escape.ts',
    'src/lib/paths.ts',
    'src/lib/topics.ts',
    'src/lib/schema.ts',
    'scripts/lib/merge.ts',
    'scripts/lib/hub.ts',
    'scripts/lib/store.ts',
    'scripts/lib/freshness.ts',
  ],
  incremental: true,
  incrementalFile: '.stryker/incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.stryker/mutation.json' },
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker/tmp',
  cleanTempDir: 'always',
};
