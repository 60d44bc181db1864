// What the benchmark reads from `npm run build`'s output.

/** Seconds Astro spent on feed routes, from its per-route lines: `├─ /rss.xml (+45ms)`. */
export function feedSeconds(output: string): number {
  let ms = 0;
  for (const match of output.matchAll(/[├└]─ (\S+) \(\+(\d+)ms\)/g)) {
    if (/(rss\.xml|atom\.xml|feed\.json|feeds\.opml)$/.test(match[1]!)) ms += Number(match[2]);
  }
  return ms / 1000;
}

/** Pages Astro built, and seconds the Pagefind integration took (its own log line). */
export function buildCounts(output: string): { pages: number; searchSeconds: number } {
  return {
    pages: Number(output.match(/(\d+) page\(s\) built/)?.[1] ?? NaN),
    searchSeconds: Number(output.match(/wrote the index in ([\d.]+) s/)?.[1] ?? NaN),
  };
}
