// Every URL of the site is built here, so the permanent paths are written down once.
// Paths are root-relative without the base; `withBase` and `absoluteUrl` add base and site (the
// site's pages use src/lib/site/urls.ts, which knows this build's base).
import { FEED_FORMATS, type FeedFormat } from './feeds/formats.ts';

export const homePath = () => '/';
export const archivePath = () => '/days/';
export const dayPath = (date: string) => `/days/${date}/`;
export const dayJsonPath = (date: string) => `/days/${date}.json`;
/** Old-style ids keep their slash: /papers/hep-th/9901001/. */
export const paperPath = (id: string) => `/papers/${id}/`;
export const topicsPath = () => '/topics/';
export const topicPath = (slug: string, page = 1) => (page > 1 ? `/topics/${slug}/${page}/` : `/topics/${slug}/`);
export const searchPath = () => '/search/';
/** The history as Parquet files, published outside the site: what they hold and where. */
export const dataPath = () => '/data/';
/** A topic's papers in search, newest first: where its pages past `topicPages` send readers. */
export const topicSearchPath = (topicName: string) => `/search/?${new URLSearchParams({ topic: topicName, sort: 'date' })}`;
export const weekPath = (week: string) => `/weeks/${week}/`;
export const monthPath = (month: string) => `/months/${month}/`;
export const orgsPath = () => '/orgs/';
/** `segment` is the handle as a path segment (src/lib/orgs.ts). */
export const orgPath = (segment: string, page = 1) => (page > 1 ? `/orgs/${segment}/${page}/` : `/orgs/${segment}/`);
export const orgsOpmlPath = () => '/orgs.opml';
/** The reader's own list of saved papers, kept in their browser. */
export const savedPath = () => '/saved/';
/** The reader's own front page: the recent papers of what they follow, kept in their browser. */
export const followingPath = () => '/following/';
/** One person's papers, in search: the author filter, exactly that name. */
export const authorSearchPath = (name: string) => `/search/?${new URLSearchParams({ author: name, sort: 'date' })}`;
/** Papers whose weights came out: the first model citing them appeared. */
export const releasedPath = () => '/released/';
/** The hub's trending list: today's, or a day's as it was. */
export const trendingPath = (date?: string) => (date ? `/trending/${date}/` : '/trending/');

/** Feed files live beside their page: /rss.xml, /topics/<slug>/rss.xml, /top/atom.xml, /digest/feed.json. */
export const feedPath = (scope: string, format: FeedFormat) => `${scope}${FEED_FORMATS[format].file}`;
export const opmlPath = () => '/feeds.opml';

/** Prefix a root-relative path with the configured base (`/` or `/repo/`). */
export function withBase(path: string, base: string): string {
  return base.replace(/\/+$/, '') + path;
}

export function absoluteUrl(path: string, site: URL | string, base: string): string {
  return new URL(withBase(path, base), site).href;
}

export const arxivAbsUrl = (id: string) => `https://arxiv.org/abs/${id}`;
export const arxivPdfUrl = (id: string) => `https://arxiv.org/pdf/${id}`;
export const hfPaperUrl = (id: string) => `https://huggingface.co/papers/${id}`;
/** A model, dataset or Space on the hub; `id` is `owner/name` (checked by the schema's RepoId). */
export const hfRepoUrl = (kind: 'models' | 'datasets' | 'spaces', id: string) => `https://huggingface.co/${kind === 'models' ? '' : `${kind}/`}${id}`;
/** Every model, dataset or Space whose card cites the paper: the hub's listing by the paper's arXiv tag. */
export const hfCitingUrl = (kind: 'models' | 'datasets' | 'spaces', id: string) => `https://huggingface.co/${kind}?other=arxiv:${id}`;
