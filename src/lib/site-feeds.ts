// The site's feeds, assembled from the archive and the configuration; routes only render them.
import { digestGroup, mainGroup, topGroup, topicGroup, type FeedGroup } from './feed-links.ts';
import { feedContentType, type FeedFormat } from './feed-formats.ts';
import { digestItems, feedUpdated, paperItem, recentEntries, renderFeed, renderOpml, type Feed, type FeedContext } from './feeds.ts';
import { absoluteUrl } from './paths.ts';
import { getArchive } from './site-data.ts';
import { siteConfig } from '../site.config.ts';

export type FeedKind = { kind: 'main' } | { kind: 'top' } | { kind: 'digest' } | { kind: 'topic'; slug: string };

function context(site: URL): FeedContext {
  return { site, base: import.meta.env.BASE_URL, siteTitle: siteConfig.title };
}

const built = new Map<string, Promise<Feed>>();

/** Each feed's items once per build: its RSS, Atom and JSON Feed (and the OPML date) share them. */
export function buildFeed(which: FeedKind, site: URL): Promise<Feed> {
  const key = `${site.href} ${JSON.stringify(which)}`;
  let feed = built.get(key);
  if (!feed) built.set(key, (feed = assembleFeed(which, site)));
  return feed;
}

async function assembleFeed(which: FeedKind, site: URL): Promise<Feed> {
  const archive = await getArchive();
  const ctx = context(site);
  const feed = (group: FeedGroup, items: Feed['items']): Feed => ({ group, homeUrl: absoluteUrl(group.home, site, ctx.base), items });
  switch (which.kind) {
    case 'main':
      return feed(
        mainGroup,
        recentEntries(archive, siteConfig.mainFeed).map((entry) => paperItem(entry, ctx)),
      );
    case 'top': {
      const { minUpvotes, days, maxItems } = siteConfig.topFeed;
      const entries = recentEntries(archive, { days, maxItems }, (paper) => paper.upvotes >= minUpvotes);
      return feed(
        topGroup(minUpvotes),
        entries.map((entry) => paperItem(entry, ctx)),
      );
    }
    case 'digest':
      return feed(digestGroup, digestItems(archive, siteConfig.digestFeed.days, ctx));
    case 'topic': {
      const topic = archive.topics.find((t) => t.slug === which.slug)!;
      const entries = recentEntries(archive, siteConfig.topicFeed, (_paper, topics) => topics.includes(which.slug));
      return feed(
        topicGroup(topic),
        entries.map((entry) => paperItem(entry, ctx)),
      );
    }
  }
}

export async function feedResponse(format: FeedFormat, which: FeedKind, site: URL): Promise<Response> {
  const body = await renderFeed(format, await buildFeed(which, site), context(site));
  return new Response(body, { headers: { 'content-type': feedContentType(format) } });
}

export async function topicFeedPaths() {
  const archive = await getArchive();
  return archive.topics.map((topic) => ({ params: { slug: topic.slug } }));
}

export async function opmlResponse(site: URL): Promise<Response> {
  const archive = await getArchive();
  const main = await buildFeed({ kind: 'main' }, site);
  const body = renderOpml(
    [
      { title: 'Daily Papers', groups: [mainGroup, topGroup(siteConfig.topFeed.minUpvotes), digestGroup] },
      { title: 'Topics', groups: archive.topics.map(topicGroup) },
    ],
    context(site),
    feedUpdated(main),
  );
  return new Response(body, { headers: { 'content-type': 'text/x-opml; charset=utf-8' } });
}
