import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { Day, LinksDay, TrendingDay } from './lib/schema.ts';

// One entry per listed day, id = the date. DAYS_DIR points the build at another archive
// (the demo's, the benchmark's) without touching src/content/days.
const days = defineCollection({
  loader: glob({ pattern: '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].json', base: process.env.DAYS_DIR || './src/content/days' }),
  schema: Day,
});

// What the hub links to each paper (models, datasets, Spaces), one file per listing day, kept
// apart from the day files by the snapshot command's --links.
const links = defineCollection({
  loader: glob({ pattern: '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].json', base: process.env.LINKS_DIR || './src/content/links' }),
  schema: LinksDay,
});

// The hub's trending list, one file per UTC day, kept by the snapshot command's --trending.
const trending = defineCollection({
  loader: glob({ pattern: '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9].json', base: process.env.TRENDING_DIR || './src/content/trending' }),
  schema: TrendingDay,
});

export const collections = { days, links, trending };
