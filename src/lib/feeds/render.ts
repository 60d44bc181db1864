// Feed documents from neutral items (items.ts): RSS 2.0 (@astrojs/rss), Atom 1.0, JSON Feed 1.1
// and OPML (feedsmith), each a function of one feed, trimmed to stay under MAX_FEED_BYTES.
import { getRssString } from '@astrojs/rss';
import { generateAtomFeed, generateJsonFeed, generateOpml } from 'feedsmith';
import { FIRST_LISTED_DAY } from '../dates.ts';
import { escapeHtml } from '../escape.ts';
import { absoluteUrl, feedPath } from '../paths.ts';
import { firstAuthors } from '../text.ts';
import { FEED_FORMATS, feedFormats, type FeedFormat } from './formats.ts';
import type { FeedGroup } from './groups.ts';
import { clean, type Feed, type FeedContext } from './items.ts';

/** GitHub Pages and most readers cope, but a feed past 1 MB is slow for everyone. */
export const MAX_FEED_BYTES = 1_000_000;
/** Authors per item in Atom and JSON Feed; the content names the first ones and the count. */
const FEED_AUTHORS = 10;

/**
 * When a feed last changed: its newest item, or for a feed with no items the archive's last
 * capture; undefined for an empty archive. Never the build clock, so rebuilds are identical.
 */
export function feedUpdated(feed: Feed): Date | undefined {
  const newest =
    feed.items
      .map((item) => item.date)
      .sort()
      .at(-1) ?? feed.archiveUpdated;
  return newest ? new Date(newest) : undefined;
}

/**
 * Atom requires `updated` even of an empty feed of an empty archive (a fresh fork): then it is
 * Daily Papers' first day, a fixed date, so a rebuild still changes nothing.
 */
export const EMPTY_ARCHIVE_UPDATED = new Date(`${FIRST_LISTED_DAY}T00:00:00Z`);

function selfUrl(feed: Feed, format: FeedFormat, ctx: FeedContext): string {
  return absoluteUrl(feedPath(feed.group.scope, format), ctx.site, ctx.base);
}

function feedTitle(feed: Feed, ctx: FeedContext): string {
  return feed.group.scope === '/' ? `${ctx.siteTitle}: Hugging Face Daily Papers` : `${ctx.siteTitle}: ${feed.group.name}`;
}

export async function renderRss(feed: Feed, ctx: FeedContext): Promise<string> {
  const xml = (text: string) => escapeHtml(text);
  // Optional in RSS: left out when there is nothing to date it by.
  const updated = feedUpdated(feed);
  return getRssString({
    title: feedTitle(feed, ctx),
    description: clean(feed.group.description),
    site: feed.homeUrl,
    xmlns: { atom: 'http://www.w3.org/2005/Atom', dc: 'http://purl.org/dc/elements/1.1/' },
    customData:
      `<language>en</language>` +
      (updated ? `<lastBuildDate>${updated.toUTCString()}</lastBuildDate>` : '') +
      `<atom:link href="${xml(selfUrl(feed, 'rss', ctx))}" rel="self" type="application/rss+xml"/>`,
    items: feed.items.map((item) => ({
      title: item.title,
      link: item.url,
      pubDate: new Date(item.date),
      ...(item.summary ? { description: item.summary } : {}),
      content: item.contentHtml,
      categories: item.categories,
      ...(item.authors.length ? { customData: `<dc:creator>${xml(firstAuthors(item.authors, 8))}</dc:creator>` } : {}),
    })),
  });
}

export function renderAtom(feed: Feed, ctx: FeedContext): string {
  return generateAtomFeed({
    id: selfUrl(feed, 'atom', ctx),
    title: { value: feedTitle(feed, ctx) },
    subtitle: { value: clean(feed.group.description) },
    updated: feedUpdated(feed) ?? EMPTY_ARCHIVE_UPDATED,
    authors: [{ name: ctx.siteTitle, uri: absoluteUrl('/', ctx.site, ctx.base) }],
    links: [
      { href: selfUrl(feed, 'atom', ctx), rel: 'self', type: 'application/atom+xml' },
      { href: feed.homeUrl, rel: 'alternate', type: 'text/html' },
    ],
    entries: feed.items.map((item) => ({
      id: item.id,
      title: { value: item.title },
      updated: new Date(item.date),
      published: new Date(item.date),
      links: [{ href: item.url, rel: 'alternate', type: 'text/html' }],
      // RFC 4287 wants an author per entry unless the feed has one; the papers' authors are better.
      ...(item.authors.length ? { authors: item.authors.slice(0, FEED_AUTHORS).map((name) => ({ name })) } : {}),
      categories: item.categories.map((term) => ({ term })),
      // No <summary>: the content is inline, and repeating the abstract would double the feed.
      content: { value: item.contentHtml, type: 'html' },
    })),
  });
}

export function renderJsonFeed(feed: Feed, ctx: FeedContext): string {
  const json = generateJsonFeed({
    title: feedTitle(feed, ctx),
    description: clean(feed.group.description),
    home_page_url: feed.homeUrl,
    feed_url: selfUrl(feed, 'json', ctx),
    language: 'en',
    authors: [{ name: ctx.siteTitle, url: absoluteUrl('/', ctx.site, ctx.base) }],
    items: feed.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      content_html: item.contentHtml,
      date_published: new Date(item.date),
      ...(item.authors.length ? { authors: item.authors.slice(0, FEED_AUTHORS).map((name) => ({ name })) } : {}),
      ...(item.categories.length ? { tags: item.categories } : {}),
    })),
  });
  // JSON Feed 1.1 requires `items` even when empty; feedsmith leaves an empty list out.
  return JSON.stringify({ ...(json as object), items: (json as { items?: unknown[] }).items ?? [] }, null, 1) + '\n';
}

const RENDERERS: Record<FeedFormat, (feed: Feed, ctx: FeedContext) => string | Promise<string>> = {
  rss: renderRss,
  atom: renderAtom,
  json: renderJsonFeed,
};

/** Render a feed, dropping its oldest items until it fits MAX_FEED_BYTES. */
export async function renderFeed(format: FeedFormat, feed: Feed, ctx: FeedContext): Promise<string> {
  let items = feed.items;
  for (;;) {
    const body = await RENDERERS[format]({ ...feed, items }, ctx);
    if (Buffer.byteLength(body) <= MAX_FEED_BYTES || items.length <= 1) return body;
    items = items.slice(0, Math.floor(items.length * 0.9));
  }
}

export function renderOpml(groups: { title: string; groups: FeedGroup[] }[], ctx: FeedContext, updated: Date | undefined): string {
  return generateOpml({
    head: { title: `${ctx.siteTitle} feeds`, ...(updated ? { dateModified: updated } : {}) },
    body: {
      outlines: groups.map((section) => ({
        text: section.title,
        title: section.title,
        outlines: section.groups.flatMap((group) =>
          feedFormats.map((feedFormat) => ({
            text: `${group.name} (${FEED_FORMATS[feedFormat].label})`,
            title: group.name,
            // OPML 2.0: "rss" marks a subscription whatever the feed's format; readers import by it.
            type: 'rss',
            description: group.description,
            xmlUrl: absoluteUrl(feedPath(group.scope, feedFormat), ctx.site, ctx.base),
            htmlUrl: absoluteUrl(group.home, ctx.site, ctx.base),
          })),
        ),
      })),
    },
  });
}
