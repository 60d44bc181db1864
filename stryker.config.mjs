// Mutation testing of the pure modules: `npm run test:mutation`. Each mutant is run against the
// fast suites (vitest.unit.config.ts); incremental mode reruns only mutants whose code or tests
// changed since the last run. Scores and the reasoning about survivors: docs/testing.md.
import path from 'node:path';

// The tests run in a copy of the project under .stryker/tmp, where ../shared is not beside them.
process.env.HF_FIXTURES_DIR ??= path.resolve('../shared/fixtures/hf');

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
    'src/lib/search-merge.ts',
    'src/lib/search-records.ts',
    'scripts/lib/merge.ts',
    'scripts/lib/hub.ts',
    'scripts/lib/store.ts',
    'scripts/lib/freshness.ts',
    'src/lib/trending.ts',
    'scripts/lib/links/schedule.ts',
    'scripts/lib/links/normalize.ts',
    'src/lib/saved.ts',
    'src/lib/saved-export.ts',
    'scripts/lib/deploy/headers.ts',
    'scripts/lib/deploy/config.ts',
    'scripts/lib/deploy/plan.ts',
  ],
  // Build outputs and benchmark archives are not source: copying them into the sandbox took minutes.
  ignorePatterns: ['.bench', '.demo', 'dist', 'test-results'],
  incremental: true,
  incrementalFile: '.stryker/incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: '.stryker/mutation.json' },
  concurrency: 2,
  timeoutMS: 20_000,
  tempDirName: '.stryker/tmp',
  cleanTempDir: 'always',
};
