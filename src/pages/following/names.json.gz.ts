// The names /following/ suggests as a reader types an author to follow (src/lib/follow-recent.ts):
// fetched only then, gzipped as the page's other file is.
import { gzipSync } from 'node:zlib';
import type { APIRoute } from 'astro';
import { recentNames } from '../../lib/following/build.ts';
import { getArchive } from '../../lib/site/data.ts';
import { siteConfig } from '../../site.config.ts';

export const GET: APIRoute = async () => {
  const names = recentNames(await getArchive(), siteConfig.following.days, siteConfig.following.suggestions);
  return new Response(gzipSync(JSON.stringify(names), { level: 9 }), { headers: { 'content-type': 'application/gzip' } });
};
