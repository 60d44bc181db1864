// The recent papers /following/ matches a reader's follows against, pure: the file's format as
// the build writes it (./build.ts), which papers a reader's follows bring and why, and which are
// most like their reading list. Authors travel as 24-bit keys of their names, not the names: a
// recent paper costs three bytes an author, and a followed name is still told apart from others
// (with 12,000 authors in 30 days, a name matches another's key about once in 1,400 follows a month).
import { key24, normalizeName } from '../names.ts';
import type { FollowedAuthor, Follows } from './follows.ts';

/** 24-bit keys as base64, three bytes a key: the densest text gzip keeps (keys are random). */
function packKeys(keys: readonly number[], index?: readonly number[]): string {
  let bytes = '';
  keys.forEach((key, i) => (bytes += (index ? String.fromCharCode(index[i]!) : '') + String.fromCharCode(key >>> 16, (key >>> 8) & 255, key & 255)));
  return btoa(bytes);
}

function unpackKeys(packed: string, indexed: boolean): [index: number, key: number][] {
  const bytes = atob(packed);
  const out: [number, number][] = [];
  const size = indexed ? 4 : 3;
  for (let at = 0; at + size <= bytes.length; at += size) {
    const [i, a, b, c] = indexed
      ? [...bytes.slice(at, at + 4)].map((ch) => ch.charCodeAt(0))
      : [out.length, ...[...bytes.slice(at, at + 3)].map((ch) => ch.charCodeAt(0))];
    out.push([i!, (a! << 16) | (b! << 8) | c!]);
  }
  return out;
}

/** Hub accounts are kept for a paper's first 255 authors (one byte says which); later ones match by name alone. */
const ACCOUNT_AUTHORS = 255;

/**
 * A paper's authors as the file keeps them: the key of each name, in order; and for each author
 * with a hub account, their place and the key of the account, which tells people of one name apart.
 */
export function packAuthors(authors: readonly string[], accounts: Readonly<Record<string, string>> = {}): { names: string; accounts: string } {
  const places = authors.flatMap((name, i) => (accounts[name] && i < ACCOUNT_AUTHORS ? [i] : []));
  return {
    names: packKeys(authors.map((name) => key24(normalizeName(name)))),
    accounts: packKeys(
      places.map((i) => key24(accounts[authors[i]!]!.toLowerCase())),
      places,
    ),
  };
}

export interface PaperAuthors {
  names: number[];
  /** Place of an author -> the key of their hub account. */
  accounts: Map<number, number>;
}

export const unpackAuthors = (names: string, accounts: string): PaperAuthors => ({
  names: unpackKeys(names, false).map(([, key]) => key),
  accounts: new Map(unpackKeys(accounts, true)),
});

/**
 * Whether a paper is by a followed author: one of its authors has the name, and, when the follow
 * names an account, that author has the same account or none (then they cannot be told apart).
 */
export function isBy(authors: PaperAuthors, author: FollowedAuthor): boolean {
  const name = key24(normalizeName(author.name));
  const account = author.account === undefined ? undefined : key24(author.account.toLowerCase());
  return authors.names.some((key, i) => key === name && (account === undefined || !authors.accounts.has(i) || authors.accounts.get(i) === account));
}

/** [id, title as text, index of its day, index of its organization or -1, topic indexes, authors (packAuthors), related ids] */
export type RecentPaper = [id: string, title: string, day: number, org: number, topics: number[], names: string, accounts: string, related: string[]];

export interface RecentFile {
  version: 1;
  /** The listed days it covers, newest first. */
  days: string[];
  /** [slug, name] */
  topics: [string, string][];
  /** [handle, name, path segment, 1 if it has feeds of its own] */
  orgs: [string, string, string, 0 | 1][];
  /** Newest listed first, in each day's order; each paper once, at its newest listing. */
  papers: RecentPaper[];
}

/** Authors of two recent papers or more, with how many, most first: the suggestions of /following/'s name field (following/names.json.gz). */
export type RecentNames = [name: string, papers: number][];

export type Reason = { kind: 'author'; name: string } | { kind: 'org'; name: string } | { kind: 'topic'; name: string };

export interface FollowedPaper {
  paper: RecentPaper;
  day: string;
  reasons: Reason[];
}

/** The recent papers of what a reader follows, newest first, each with why it is there. */
export function followedPapers(file: RecentFile, follows: Follows): FollowedPaper[] {
  const orgs = new Map(follows.orgs.map((org) => [org.handle, org.name]));
  const topics = new Map(follows.topics.map((topic) => [topic.slug, topic.name]));
  const out: FollowedPaper[] = [];
  for (const paper of file.papers) {
    const [, , day, org, topicIndexes, names, accounts] = paper;
    const authors = follows.authors.length ? unpackAuthors(names, accounts) : undefined;
    const reasons: Reason[] = [
      ...follows.authors.filter((author) => isBy(authors!, author)).map((author): Reason => ({ kind: 'author', name: author.name })),
      ...(org >= 0 && orgs.has(file.orgs[org]![0]) ? [{ kind: 'org', name: orgs.get(file.orgs[org]![0])! } as Reason] : []),
      ...topicIndexes.flatMap((t): Reason[] => (topics.has(file.topics[t]![0]) ? [{ kind: 'topic', name: topics.get(file.topics[t]![0])! }] : [])),
    ];
    if (reasons.length) out.push({ paper, day: file.days[day]!, reasons });
  }
  return out;
}

/** "by Ziwei Liu", "from ByteDance Seed", "in Robotics". */
export function reasonText(reason: Reason): string {
  return `${reason.kind === 'author' ? 'by' : reason.kind === 'org' ? 'from' : 'in'} ${reason.name}`;
}

export interface LikePaper {
  paper: RecentPaper;
  day: string;
  score: number;
  /** The saved papers it is most like, most like first. */
  like: string[];
}

/**
 * The recent papers most like a reading list, by the archive's own related-paper lists (the words
 * of titles, keywords and abstracts): a recent paper whose related list holds a saved paper, or a
 * saved paper whose related list (kept when it was saved) holds the recent one, the nearer the
 * higher. Saved papers themselves are left out.
 */
export function likeSaved(file: RecentFile, saved: readonly { id: string; related?: readonly { id: string }[] }[], limit = 20): LikePaper[] {
  const savedIds = new Set(saved.map((s) => s.id));
  const votes = new Map<string, Map<string, number>>();
  const vote = (recent: string, savedId: string, weight: number) => {
    const byS = votes.get(recent) ?? new Map<string, number>();
    byS.set(savedId, (byS.get(savedId) ?? 0) + weight);
    votes.set(recent, byS);
  };
  const recentIds = new Set(file.papers.map(([id]) => id));
  for (const [id, , , , , , , related] of file.papers) {
    if (savedIds.has(id)) continue;
    related.forEach((rid, rank) => savedIds.has(rid) && vote(id, rid, related.length - rank));
  }
  for (const s of saved) (s.related ?? []).forEach((r, rank, list) => recentIds.has(r.id) && !savedIds.has(r.id) && vote(r.id, s.id, list.length - rank));
  const out: LikePaper[] = [];
  for (const paper of file.papers) {
    const byS = votes.get(paper[0]);
    if (!byS) continue;
    const like = [...byS].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    out.push({ paper, day: file.days[paper[2]]!, score: like.reduce((sum, [, w]) => sum + w, 0), like: like.map(([sid]) => sid) });
  }
  return out.sort((a, b) => b.score - a.score || (a.day < b.day ? 1 : a.day > b.day ? -1 : 0)).slice(0, limit);
}
