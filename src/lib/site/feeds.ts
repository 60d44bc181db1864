// The site's feeds, assembled from the archive and the configuration; routes only render them.
import {
  digestGroup,
  mainGroup,
  monthlyGroup,
  orgGroup,
  releasedGroup,
  topGroup,
  topicGroup,
  trendingGroup,
  weeklyGroup,
  type FeedGroup,
} from '../feeds/groups.ts';
import { topTenEntries } from '../trending.ts';
import { releases } from '../hub-links.ts';
import { feedContentType, type FeedFormat } from '../feeds/formats.ts';
import { frozenDigest, type FrozenDigest, type Period } from '../periods.ts';
import { digestItems, feedEntry, paperItem, periodItems, recentEntries, releasedItems, trendingItems, type Feed, type FeedContext } from '../feeds/items.ts';
import { feedUpdated, renderFeed, renderOpml } from '../feeds/render.ts';
import { absoluteUrl, monthPath, weekPath } from '../paths.ts';
import { getArchive, getOrgs, getPeriods, getTrending } from './data.ts';
import { longDate, monthName } from '../text.ts';
import { weekStart } from '../dates.ts';
import { siteConfig } from '../../site.config.ts';

export type FeedKind =
  | { kind: 'main' }
  | { kind: 'top' }
  | { kind: 'digest' }
  | { kind: 'topic'; slug: string }
  | { kind: 'weekly' }
  | { kind: 'monthly' }
  | { kind: 'org'; segment: string }
  | { kind: 'released' }
  | { kind: 'trending' };

/** "Week 2026-W01 (from 29 December 2025)", "March 2026". */
export const weekTitle = (week: string) => `Week ${week} (from ${longDate(weekStart(week)).replace(/^\w+, /, '')})`;
export const monthTitle = (month: string) => monthName(month);

/** The newest `count` closed periods' digests, newest first. */
function closedDigests(list: readonly Period[], clock: string | undefined, count: number, top: number): FrozenDigest[] {
  const out: FrozenDigest[] = [];
  for (const period of list) {
    const digest = frozenDigest(period, clock, top);
    if (digest) out.push(digest);
    if (out.length >= count) break;
  }
  return out;
}

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
  const feed = (group: FeedGroup, items: Feed['items']): Feed => ({
    group,
    homeUrl: absoluteUrl(group.home, site, ctx.base),
    items,
    archiveUpdated: archive.updatedAt,
  });
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
    case 'trending':
      return feed(trendingGroup, trendingItems(topTenEntries((await getTrending()).days).slice(0, siteConfig.trendingFeed.maxItems), archive, ctx));
    case 'released':
      return feed(releasedGroup, releasedItems(releases(archive).slice(0, siteConfig.releasedFeed.maxItems), archive.topicNames, ctx));
    case 'weekly': {
      const { items, top } = siteConfig.weeklyFeed;
      return feed(weeklyGroup, periodItems(closedDigests((await getPeriods()).weeks, archive.updatedAt, items, top), ctx, weekPath, weekTitle));
    }
    case 'monthly': {
      const { items, top } = siteConfig.monthlyFeed;
      return feed(monthlyGroup, periodItems(closedDigests((await getPeriods()).months, archive.updatedAt, items, top), ctx, monthPath, monthTitle));
    }
    case 'org': {
      const org = (await getOrgs()).bySegment.get(which.segment)!;
      const entries = org.papers.slice(0, siteConfig.orgFeed.maxItems).map((listing) => feedEntry(archive, listing));
      return feed(
        orgGroup(org),
        entries.map((entry) => paperItem(entry, ctx, 'brief')),
      );
    }
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

/** The site's feeds that are not a topic's or an organization's, in the order pages list them. */
export const generalGroups = (): FeedGroup[] => [
  mainGroup,
  topGroup(siteConfig.topFeed.minUpvotes),
  digestGroup,
  weeklyGroup,
  monthlyGroup,
  trendingGroup,
  releasedGroup,
];

export async function feedResponse(format: FeedFormat, which: FeedKind, site: URL): Promise<Response> {
  const body = await renderFeed(format, await buildFeed(which, site), context(site));
  return new Response(body, { headers: { 'content-type': feedContentType(format) } });
}

export async function topicFeedPaths() {
  const archive = await getArchive();
  return archive.topics.map((topic) => ({ params: { slug: topic.slug } }));
}

/** Organizations with enough papers for feeds of their own. */
export async function orgFeedPaths() {
  const { list } = await getOrgs();
  return list.filter((org) => org.papers.length >= siteConfig.orgFeed.minPapers).map((org) => ({ params: { org: org.segment } }));
}

export async function orgsOpmlResponse(site: URL): Promise<Response> {
  const { list } = await getOrgs();
  const main = await buildFeed({ kind: 'main' }, site);
  const body = renderOpml(
    [{ title: 'Organizations', groups: list.filter((org) => org.papers.length >= siteConfig.orgFeed.minPapers).map(orgGroup) }],
    context(site),
    feedUpdated(main),
  );
  return new Response(body, { headers: { 'content-type': 'text/x-opml; charset=utf-8' } });
}

export async function opmlResponse(site: URL): Promise<Response> {
  const archive = await getArchive();
  const main = await buildFeed({ kind: 'main' }, site);
  const body = renderOpml(
    [
      { title: 'Daily Papers', groups: generalGroups() },
      { title: 'Topics', groups: archive.topics.map(topicGroup) },
    ],
    context(site),
    feedUpdated(main),
  );
  return new Response(body, { headers: { 'content-type': 'text/x-opml; charset=utf-8' } });
}
