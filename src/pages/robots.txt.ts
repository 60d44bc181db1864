import type { APIRoute } from 'astro';
import { siteUrl } from '../lib/site/urls.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${siteUrl('/sitemap-index.xml', site!)}\n`, {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
