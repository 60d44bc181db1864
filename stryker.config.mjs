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
    'src/lib/feeds/items.ts',
    'src/lib/feeds/render.ts',
    'src/lib/escape.ts',
    'src/lib/paths.ts',
    'src/lib/topics.ts',
    'src/lib/schema.ts',
    'src/lib/search-records.ts',
    'src/lib/trending.ts',
    'src/scripts/saved/list.ts',
    'src/scripts/saved/export.ts',
    'src/scripts/search/state.ts',
    // Following: what a reader follows, the recent papers' file and its matching, the author index.
    'src/lib/following/*.ts',
    'src/lib/names.ts',
    'src/lib/author-index.ts',
    // Every capture module: the three captures, the HTTP client, the stop policy, the store, a run.
    'scripts/lib/capture/**/*.ts',
    'scripts/lib/publish/deploy/headers.ts',
    'scripts/lib/publish/deploy/config.ts',
    'scripts/lib/publish/deploy/plan.ts',
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
