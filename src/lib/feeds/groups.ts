// Which feeds a page advertises: in <link rel="alternate"> and in its visible feed list.
import { FEED_FORMATS, feedFormats, type FeedFormat } from './formats.ts';
import { orgName } from '../orgs.ts';
import { feedPath } from '../paths.ts';
import type { Topic } from '../topics.ts';

export interface FeedLink {
  title: string;
  path: string;
  format: FeedFormat;
}

export interface FeedGroup {
  /** Where the feed files live: '/', '/top/', '/digest/', '/topics/<slug>/'. */
  scope: string;
  /** The page a reader opens for the feed's website link. */
  home: string;
  name: string;
  description: string;
}

export const mainGroup: FeedGroup = { scope: '/', home: '/', name: 'All papers', description: 'Every paper of the latest listed days.' };
export const topGroup = (minUpvotes: number): FeedGroup => ({
  scope: '/top/',
  home: '/',
  name: 'Top papers',
  description: `Only papers with ${minUpvotes} or more upvotes.`,
});
export const digestGroup: FeedGroup = { scope: '/digest/', home: '/days/', name: 'Daily digest', description: 'One item a day, listing that day’s papers.' };
export const weeklyGroup: FeedGroup = {
  scope: '/weekly/',
  home: '/days/',
  name: 'Weekly digest',
  description: 'One item a week, once the week is over: its top papers by upvotes.',
};
export const monthlyGroup: FeedGroup = {
  scope: '/monthly/',
  home: '/days/',
  name: 'Monthly digest',
  description: 'One item a month, once the month is over: its top papers by upvotes.',
};
export const releasedGroup: FeedGroup = {
  scope: '/released/',
  home: '/released/',
  name: 'Weights released',
  description: 'One item when a paper’s first model appears on Hugging Face: the models citing it.',
};
export const trendingGroup: FeedGroup = {
  scope: '/trending/',
  home: '/trending/',
  name: 'Trending',
  description: 'One item when a paper first enters the top ten of Hugging Face’s trending list.',
};
export const orgGroup = (org: { name: string; fullname?: string | undefined; segment: string }): FeedGroup => ({
  scope: `/orgs/${org.segment}/`,
  home: `/orgs/${org.segment}/`,
  name: orgName(org),
  description: `Papers from ${orgName(org)} (${org.name} on Hugging Face).`,
});
export const topicGroup = (topic: Topic): FeedGroup => ({
  scope: `/topics/${topic.slug}/`,
  home: `/topics/${topic.slug}/`,
  name: topic.name,
  description: topic.description,
});

export function feedsOf(group: FeedGroup): FeedLink[] {
  return feedFormats.map((format) => ({ title: `${group.name} (${FEED_FORMATS[format].label})`, path: feedPath(group.scope, format), format }));
}
