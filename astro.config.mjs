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
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [sitemap()],
});
