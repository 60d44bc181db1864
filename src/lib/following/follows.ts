// What a reader follows, pure: authors (by name, with their hub account when known),
// organizations and topics, as kept in their browser and carried in the reading list's JSON file;
// read back from anywhere keeping only what is well formed, and changed one thing at a time.
import { normalizeName } from '../names.ts';

export interface FollowedAuthor {
  name: string;
  /** Their hub account, when the follow came from a listing that gave one: tells people of one name apart. */
  account?: string;
}

export interface Follows {
  version: 1;
  authors: FollowedAuthor[];
  orgs: FollowedOrg[];
  topics: { slug: string; name: string }[];
}

export interface FollowedOrg {
  /** As the hub spells it. */
  handle: string;
  /** What the page shows. */
  name: string;
  /** Its page, root-relative: `/orgs/Qwen~c0/` (the path a handle takes cannot be worked out from the handle alone). */
  path?: string;
  /** It has feeds of its own, for the OPML of what is followed. */
  feeds?: boolean;
}

export const noFollows = (): Follows => ({ version: 1, authors: [], orgs: [], topics: [] });

/** One followed author: the same name (as matching sees it) and the same account, or both without. */
const sameAuthor = (a: FollowedAuthor, b: FollowedAuthor) => normalizeName(a.name) === normalizeName(b.name) && (a.account ?? '') === (b.account ?? '');

export const followsAuthor = (follows: Follows, author: FollowedAuthor) => follows.authors.some((a) => sameAuthor(a, author));
export const followsOrg = (follows: Follows, handle: string) => follows.orgs.some((o) => o.handle === handle);
export const followsTopic = (follows: Follows, slug: string) => follows.topics.some((t) => t.slug === slug);

/** Follow, or stop following, one thing. */
export function toggleAuthor(follows: Follows, author: FollowedAuthor): Follows {
  const authors = followsAuthor(follows, author) ? follows.authors.filter((a) => !sameAuthor(a, author)) : [...follows.authors, author];
  return { ...follows, authors };
}
export function toggleOrg(follows: Follows, org: FollowedOrg): Follows {
  const orgs = followsOrg(follows, org.handle) ? follows.orgs.filter((o) => o.handle !== org.handle) : [...follows.orgs, org];
  return { ...follows, orgs };
}
export function toggleTopic(follows: Follows, topic: { slug: string; name: string }): Follows {
  const topics = followsTopic(follows, topic.slug) ? follows.topics.filter((t) => t.slug !== topic.slug) : [...follows.topics, topic];
  return { ...follows, topics };
}

/** Two lists of follows as one (an import into what this browser follows): nothing followed twice. */
export const mergeFollows = (a: Follows, b: Follows): Follows =>
  readFollows({ authors: [...a.authors, ...b.authors], orgs: [...a.orgs, ...b.orgs], topics: [...a.topics, ...b.topics] });

/** What a list of follows read from anywhere (storage, an imported file) holds that is well formed. */
export function readFollows(json: unknown): Follows {
  const v = (json ?? {}) as Record<string, unknown>;
  const text = (value: unknown, max = 300) => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined);
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object') : []);
  // The first of each wins: what is already followed keeps its details when an import repeats it.
  const unique = <T>(items: T[], key: (item: T) => string) => {
    const seen = new Set<string>();
    return items.filter((item) => !seen.has(key(item)) && Boolean(seen.add(key(item))));
  };
  const authors = list(v.authors).flatMap((a): FollowedAuthor[] => {
    const name = text(a.name, 200);
    const account = text(a.account, 96);
    return name ? [{ name, ...(account && /^[A-Za-z0-9][\w.-]*$/.test(account) ? { account } : {}) }] : [];
  });
  const orgs = list(v.orgs).flatMap((o): FollowedOrg[] => {
    const handle = text(o.handle, 200);
    const path = text(o.path, 300);
    if (!handle) return [];
    return [
      { handle, name: text(o.name) ?? handle, ...(path && /^\/orgs\/[\w.~%-]+\/$/.test(path) ? { path } : {}), ...(o.feeds === true ? { feeds: true } : {}) },
    ];
  });
  const topics = list(v.topics).flatMap((t) => {
    const slug = text(t.slug, 100);
    return slug && /^[a-z0-9-]+$/.test(slug) ? [{ slug, name: text(t.name) ?? slug }] : [];
  });
  return {
    version: 1,
    authors: unique(authors, (a) => `${normalizeName(a.name)}|${a.account ?? ''}`),
    orgs: unique(orgs, (o) => o.handle),
    topics: unique(topics, (t) => t.slug),
  };
}
