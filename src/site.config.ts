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
  /** The digest: one item per listed day, for the last N listed days. */
  digestFeed: { days: 30 },
  /** Topic and organization pages list this many papers per page. */
  topicPageSize: 50,
  /** Organizations with at least this many papers get their own feeds (and a place in /orgs.opml). */
  orgFeedMinPapers: 3,
  /** Weekly and monthly digests: items for the last N closed periods, each listing its top papers. */
  weeklyFeed: { items: 12, top: 10 },
  monthlyFeed: { items: 12, top: 20 },
  /** Week pages list every paper; month pages the most upvoted ones; the home page the week's top. */
  monthPageSize: 100,
  homeWeekTop: 10,
  /** How many authors show before the rest fold away. */
  authorsShown: 10,
  /** `npm run check-fresh` (the daily workflow's verdict) fails when the newest listed day is older than this (days). */
  staleAfterDays: Number(process.env.STALE_AFTER_DAYS || 4),
};
