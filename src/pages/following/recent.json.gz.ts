// The recent papers /following/ matches a reader's follows against (src/lib/follow-recent.ts),
// gzipped here as Pagefind's index files are: the page fetches it and unpacks it in the browser.
import { gzipSync } from 'node:zlib';
import type { APIRoute } from 'astro';
import { recentFile } from '../../lib/following/build.ts';
import { getArchive, getOrgs, getRelated } from '../../lib/site/data.ts';
import { siteConfig } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const file = recentFile(await getArchive(), await getOrgs(), await getRelated(), {
    days: siteConfig.following.days,
    related: siteConfig.following.related,
    orgFeedMinPapers: siteConfig.orgFeed.minPapers,
  });
  return new Response(gzipSync(JSON.stringify(file), { level: 9 }), { headers: { 'content-type': 'application/gzip' } });
};
