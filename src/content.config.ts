import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { Day } from './lib/schema.ts';

// One entry per listed day, id = the date. DAYS_DIR points the build at another archive
// (the demo's, the benchmark's) without touching src/content/days.
const days = defineCollection({
  loader: glob({ pattern: '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].json', base: process.env.DAYS_DIR || './src/content/days' }),
  schema: Day,
});

export const collections = { days };
