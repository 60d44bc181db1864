// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';

// SITE_URL and BASE_PATH let a fork publish anywhere without editing code,
// e.g. SITE_URL=https://you.github.io BASE_PATH=/broadsheet/ for a GitHub Pages project site.
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  // The demo and the benchmark build their own archives beside the real one.
  outDir: process.env.OUT_DIR || './dist',
  // ...with their own content-layer cache, so archives never mix and parallel builds never race.
  cacheDir: process.env.CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // The shared CSS stays one cached file instead of being inlined into every page.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Astro 7's default ('jsx') drops the space between a word and an inline element on the next
  // source line; true removes only what is lossless.
  compressHTML: true,
  // Every page names the reading list's script: a name of its hash alone, instead of Astro's
  // `Base.astro_astro_type_script_index_0_lang.<hash>.js`, is paid on every page.
  vite: { environments: { client: { build: { rolldownOptions: { output: { entryFileNames: '_astro/[hash].js' } } } } } },
  // The content store as 4 MiB chunks instead of one file: Astro hands the store to the build as
  // JavaScript string literals, and V8 compiles one of 100 MB (44,000 papers) about twenty times
  // slower than the same bytes in chunks (docs/performance.md).
  // Pages that give a cache key (paper pages: src/lib/site/cache-key.ts) are copied from the last
  // build when their key and code are unchanged; the workflow keeps CACHE_DIR between runs.
  experimental: { collectionStorage: { type: 'chunked', chunkSize: 4 * 1024 * 1024 }, incrementalBuild: true },
  // The search index is built beside `astro build`, from the day files: see scripts/build.ts.
  integrations: [sitemap()],
});
