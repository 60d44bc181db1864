// Site-wide settings a fork may want to change. The site URL and base path come from the
// environment (SITE_URL, BASE_PATH) so the same code deploys anywhere.
export const siteConfig = {
  title: 'Broadsheet',
  tagline: 'The Hugging Face Daily Papers, archived, with feeds and search.',
  /** Feeds of everything: papers of the last N listed days, at most this many items (every feed is
   *  also trimmed to stay under 1 MB; docs/performance.md has the sizes). */
  mainFeed: { days: 7, maxItems: 200 },
  /** Topic feeds: papers of the last N listed days, at most this many items. */
  topicFeed: { days: 30, maxItems: 100 },
  /** The high-signal feed: papers that reached this many upvotes, most recent first. */
  topFeed: { minUpvotes: 50, days: 30, maxItems: 100 },
  /** Trending: one item per paper that entered the top ten of the hub's trending list, the newest this many. */
  trendingFeed: { maxItems: 50 },
  /** Weights released: one item per paper whose first model appeared, the newest this many. */
  releasedFeed: { maxItems: 50 },
  /** The page of papers whose weights came out lists the newest this many. */
  releasedPageSize: 100,
  /** The digest: one item per listed day, for the last N listed days. */
  digestFeed: { days: 30 },
  /** Topic and organization pages list this many papers per page. */
  topicPageSize: 50,
  /** Topic pages are built for the newest this many pages; older papers of a topic are browsed in
   *  search (the topic's filter, newest first), where a deeper page's old address now leads. */
  topicPages: 4,
  /** Organizations with at least `minPapers` papers get their own feeds (and a place in /orgs.opml),
   *  of their newest `maxItems` papers, each a brief: the summary and links, not the whole
   *  abstract (there are thousands of organizations, so every byte of an item is paid often). */
  orgFeed: { minPapers: 3, maxItems: 10 },
  /** Weekly and monthly digests: items for the last N closed periods, each listing its top papers. */
  weeklyFeed: { items: 12, top: 10 },
  monthlyFeed: { items: 12, top: 20 },
  /** Week pages list every paper; month pages the most upvoted ones; the home page the week's top. */
  monthPageSize: 100,
  homeWeekTop: 10,
  /** /following/: the recent papers of the last this many listed days, each with its nearest related papers; the most prolific of their authors suggested as a reader types a name. */
  following: { days: 30, related: 6, suggestions: 2000 },
  /** How many authors show before the rest fold away. */
  authorsShown: 10,
  /** `npm run check-fresh` (the daily workflow's verdict) fails when the newest listed day is older than this (days). */
  staleAfterDays: Number(process.env.STALE_AFTER_DAYS || 4),
};
