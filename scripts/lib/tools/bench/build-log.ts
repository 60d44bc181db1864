// What the benchmark reads from `npm run build`'s output.

/** Seconds Astro spent on the routes whose path matches, from its per-route lines: `├─ /rss.xml (+45ms)`. */
export function routeSeconds(output: string, route: RegExp): number {
  let ms = 0;
  for (const match of output.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) if (route.test(match[1]!)) ms += Number(match[2]);
  return ms / 1000;
}

export const feedSeconds = (output: string) => routeSeconds(output, /(rss\.xml|atom\.xml|feed\.json|\.opml)$/);
/** The pages and feeds of weeks, months and organizations. */
export const periodOrgSeconds = (output: string) => routeSeconds(output, /^\/(weeks|months|weekly|monthly|orgs)[/.]/);

/** Astro's durations: `283ms`, `54.41s`, `1m 5.2s`. */
export function seconds(text: string): number {
  const match = text.match(/^(?:(\d+)m\s*)?([\d.]+)(ms|s)$/);
  if (!match) return NaN;
  const value = Number(match[2]) / (match[3] === 'ms' ? 1000 : 1);
  return Number(match[1] ?? 0) * 60 + value;
}

/**
 * Pages Astro built; seconds of its page-generation phase alone (after the Vite build and the
 * content sync, which cost the same at any size); seconds the search index took (scripts/search-index.ts,
 * beside Astro).
 */
export function buildCounts(output: string): { pages: number; astroSeconds: number; generateSeconds: number; searchSeconds: number } {
  const generating = output.slice(output.indexOf('generating static routes'));
  const built = output.match(/(\d+) page\(s\) built in ([\dm.\s]+?s)$/m);
  return {
    pages: Number(built?.[1] ?? NaN),
    // Astro's own total: the search index runs beside it (scripts/build.ts).
    astroSeconds: seconds(built?.[2] ?? ''),
    generateSeconds: seconds(generating.match(/^\S+ ✓ Completed in ([\dm.\s]+?s)\./m)?.[1] ?? ''),
    searchSeconds: Number(output.match(/yearly indexes in ([\d.]+) s/)?.[1] ?? NaN),
  };
}

/** Seconds spent finding related papers, from the build's `[related] N papers in X s` line. */
export function relatedSeconds(output: string): number {
  return Number(output.match(/\[related\] \d+ papers in ([\d.]+) s/)?.[1] ?? NaN);
}
