// The one definition of Broadsheet's data: the upstream API item the snapshot command reads,
// and the day file it writes, which Astro's content collection validates with the same schema.
import { z } from 'astro/zod';
import { ARXIV_ID } from './arxiv.ts';

/** A calendar day, `YYYY-MM-DD`, that really exists (2024-02-30 does not). */
export const IsoDate = z.iso.date();
/** A UTC timestamp as the hub writes it, `2024-05-27T03:50:58.348Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

export { ARXIV_ID };
export const ArxivId = z.string().regex(ARXIV_ID, 'not an arXiv id');

/** Only http(s) links are kept: a `javascript:` URL stays dangerous even when escaped. */
export const WebUrl = z.url({ protocol: /^https?$/ });

const Count = z.number().int().nonnegative();

/** A hub account name, as the hub writes them (`Cartinoe5930`, `ylecun`). */
export const HubAccount = z.string().regex(/^[A-Za-z0-9][\w.-]{0,95}$/, 'not a hub account name');

/** One capture's upvote count: see src/lib/history.ts for which captures are kept. */
export const UpvoteObservation = z.object({ at: IsoDateTime, upvotes: Count });

export const Organization = z.object({
  name: z.string().min(1),
  fullname: z.string().optional(),
});

/** One paper as listed on one day, normalised to what the site needs. Key order here is file order. */
export const Paper = z.object({
  id: ArxivId,
  title: z.string().min(1),
  abstract: z.string(),
  authors: z.array(z.string()),
  /** An author's account on the hub, by name, where the listing gave one: it tells people of one name apart. */
  authorAccounts: z.record(z.string(), HubAccount).optional(),
  upvotes: Count,
  comments: Count,
  organization: Organization.optional(),
  githubRepo: WebUrl.optional(),
  githubStars: Count.optional(),
  projectPage: WebUrl.optional(),
  aiSummary: z.string().optional(),
  aiKeywords: z.array(z.string()).optional(),
  submitter: z.string().optional(),
  /** When arXiv published it. */
  publishedAt: IsoDateTime.optional(),
  /** When it was put on the Daily Papers list. */
  listedAt: IsoDateTime.optional(),
  withdrawnAt: IsoDateTime.optional(),
  /** When this project first captured it on this day. */
  firstSeenAt: IsoDateTime,
  /** The last capture that wrote this day file with the paper in it. */
  lastSeenAt: IsoDateTime,
  /** Upvotes over time, oldest first; absent in files written before it existed. */
  upvoteHistory: z.array(UpvoteObservation).max(40).optional(),
});
export type Paper = z.infer<typeof Paper>;

export const Day = z
  .object({
    date: IsoDate,
    papers: z.array(Paper),
  })
  .superRefine((day, ctx) => {
    const seen = new Set<string>();
    day.papers.forEach((paper, index) => {
      if (seen.has(paper.id)) {
        ctx.addIssue({ code: 'custom', path: ['papers', index, 'id'], message: `duplicate paper ${paper.id}` });
      }
      seen.add(paper.id);
    });
  });
export type Day = z.infer<typeof Day>;

// --- What came of each paper: the models, datasets and Spaces on the hub that cite it, as of
// one check. Kept apart from the day files (src/content/links/, one file per listing day), so a
// day file does not change when a model appears.

/** A repository on the hub, `owner/name` as the hub spells it: nothing else is kept or linked. */
export const RepoId = z.string().regex(/^[A-Za-z0-9][\w.-]*\/[\w.-]+$/, 'not a hub repository id');

export const LinkedRepo = z.object({
  id: RepoId,
  downloads: Count.optional(),
  likes: Count.optional(),
  /** A model's task, as the hub names it (`text-generation`). */
  task: z.string().min(1).max(80).optional(),
  /** A Space's emoji and title. */
  emoji: z.string().min(1).max(16).optional(),
  title: z.string().min(1).max(200).optional(),
});
export type LinkedRepo = z.infer<typeof LinkedRepo>;

/** One kind of repository: how many there are, and the five most used (downloads, or likes for Spaces). */
export const LinkedKind = z.object({ total: Count, top: z.array(LinkedRepo).max(5) });
export type LinkedKind = z.infer<typeof LinkedKind>;

/**
 * Asks since the last answer that got none: a 404 (every archived paper has a hub page, so a 404
 * is an anomaly, not news), a server error, a broken body. What was recorded stays as it was; the
 * paper is asked again soon (scripts/lib/capture/links/schedule.ts).
 */
export const Unanswered = z.object({
  /** The first ask that got no answer. */
  since: IsoDateTime,
  /** The last one. */
  at: IsoDateTime,
  times: z.number().int().min(1),
  /** What the hub did, in a few words: `HTTP 404`, `HTTP 503 after 5 attempts`. */
  problem: z.string().min(1).max(300),
});
export type Unanswered = z.infer<typeof Unanswered>;

/**
 * One answered check, as counts: how many models, datasets and Spaces cited the paper then, and its
 * code's stars. The lists of the most used are kept for the last check only; the counts of every
 * check make the paper's history on the hub (the dataset's links table).
 */
export const LinksCheck = z.object({
  at: IsoDateTime,
  models: Count.optional(),
  datasets: Count.optional(),
  spaces: Count.optional(),
  githubStars: Count.optional(),
});
export type LinksCheck = z.infer<typeof LinksCheck>;

export const PaperLinks = z
  .object({
    /** When the hub last answered about the paper: what is recorded is as of then. Absent if it never has. */
    checkedAt: IsoDateTime.optional(),
    /** Files written before a 404 was treated as an anomaly: the hub had no page then, nothing was recorded. */
    none: z.literal(true).optional(),
    unanswered: Unanswered.optional(),
    models: LinkedKind.optional(),
    datasets: LinkedKind.optional(),
    spaces: LinkedKind.optional(),
    githubRepo: WebUrl.optional(),
    githubStars: Count.optional(),
    projectPage: WebUrl.optional(),
    /**
     * The first check that saw a model citing the paper: when its weights came out, as far as we
     * know. Never changes once set, even if its models are later taken down.
     */
    modelsSince: IsoDateTime.optional(),
    /** Every answered check, oldest first (files from before it was kept start at their last check). */
    checks: z.array(LinksCheck).max(60).optional(),
  })
  .refine((links) => links.checkedAt !== undefined || links.unanswered !== undefined, { message: 'neither checkedAt nor unanswered: no ask recorded' });
export type PaperLinks = z.infer<typeof PaperLinks>;

/** The links of the papers first listed on one day, by arXiv id. */
export const LinksDay = z.object({ date: IsoDate, papers: z.record(ArxivId, PaperLinks) });
export type LinksDay = z.infer<typeof LinksDay>;

// --- The hub's trending list, as of the day's last capture: one file per UTC day
// (src/content/trending/). Titles and abstracts live in the day files; an entry whose listing day
// was not found keeps the hub's title instead, and has no page here until that day is captured.

export const TrendingEntry = z.object({
  rank: z.number().int().min(1),
  id: ArxivId,
  upvotes: Count,
  /** The day it was listed on Daily Papers; absent while that day is not found (then the paper has no page here yet). */
  listed: IsoDate.optional(),
  /** Its title as the hub gave it, kept only for a paper the archive does not hold. */
  title: z.string().min(1).max(1000).optional(),
  /** When a capture first saw it on the trending list, on any day. */
  firstSeenAt: IsoDateTime,
  /** When a capture first saw it in the top ten: its trending feed item's date. Never changes once set. */
  top10At: IsoDateTime.optional(),
  /** Its rank and upvotes at that capture: what its feed item says, ever after. */
  top10Rank: z.number().int().min(1).max(10).optional(),
  top10Upvotes: Count.optional(),
});
export type TrendingEntry = z.infer<typeof TrendingEntry>;

export const TrendingDay = z
  .object({
    date: IsoDate,
    /** The capture this list is as of: the day's last. */
    capturedAt: IsoDateTime,
    /** Empty only if written by hand: the capture never writes a list the hub did not give. */
    papers: z.array(TrendingEntry).max(100),
  })
  .superRefine((day, ctx) => {
    const seen = new Set<string>();
    day.papers.forEach((entry, index) => {
      if (entry.rank !== index + 1) ctx.addIssue({ code: 'custom', path: ['papers', index, 'rank'], message: `rank ${entry.rank} at position ${index + 1}` });
      if (seen.has(entry.id)) ctx.addIssue({ code: 'custom', path: ['papers', index, 'id'], message: `duplicate paper ${entry.id}` });
      seen.add(entry.id);
    });
  });
export type TrendingDay = z.infer<typeof TrendingDay>;

// --- Upstream: the hub's `/api/daily_papers` item. Missing fields are omitted, never null,
// and unknown fields are dropped, so a new upstream field never breaks a capture.

/** An author; `user` is their hub account when they claimed the paper (read leniently: a shape it does not fit is no account). */
const ApiAuthor = z.object({ name: z.string(), user: z.object({ user: z.string() }).optional().catch(undefined) });
const ApiOrganization = z.object({ name: z.string().min(1), fullname: z.string().optional() });
const ApiUser = z.object({ user: z.string().optional(), name: z.string().optional() });

export const ApiItem = z.object({
  paper: z.object({
    id: ArxivId,
    title: z.string().min(1),
    summary: z.string(),
    authors: z.array(ApiAuthor),
    upvotes: Count,
    publishedAt: IsoDateTime.optional(),
    submittedOnDailyAt: IsoDateTime.optional(),
    submittedOnDailyBy: ApiUser.optional(),
    ai_summary: z.string().optional(),
    ai_keywords: z.array(z.string()).optional(),
    githubRepo: z.string().optional(),
    githubStars: Count.optional(),
    projectPage: z.string().optional(),
    organization: ApiOrganization.optional(),
    withdrawnAt: IsoDateTime.optional(),
  }),
  title: z.string().optional(),
  publishedAt: IsoDateTime.optional(),
  numComments: Count.optional(),
  submittedBy: ApiUser.optional(),
  organization: ApiOrganization.optional(),
});
export type ApiItem = z.infer<typeof ApiItem>;
export const ApiListing = z.array(ApiItem);

// --- Upstream: the hub's `/api/papers/{id}`: the paper (at the top level) and what cites it. Items
// of the lists are read leniently: one the format does not fit is left out, not the paper.

const ApiRepo = z.object({
  id: z.string(),
  downloads: z.number().optional(),
  likes: z.number().optional(),
  pipeline_tag: z.string().optional(),
  emoji: z.string().optional(),
  title: z.string().optional(),
});
/** A count the sources disagree on: a number, or nothing (a count of another type is no count). */
const ApiCount = z.number().optional().catch(undefined);
export type ApiRepo = z.infer<typeof ApiRepo>;
const ApiRepoList = z.array(z.unknown()).transform((items) =>
  items.flatMap((item) => {
    const parsed = ApiRepo.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  }),
);

export const ApiPaperLinks = z.object({
  id: ArxivId,
  linkedModels: ApiRepoList.optional(),
  linkedDatasets: ApiRepoList.optional(),
  linkedSpaces: ApiRepoList.optional(),
  numTotalModels: ApiCount,
  numTotalDatasets: ApiCount,
  numTotalSpaces: ApiCount,
  githubRepo: z.string().optional(),
  githubStars: ApiCount,
  projectPage: z.string().optional(),
});
export type ApiPaperLinks = z.infer<typeof ApiPaperLinks>;

/** One line naming the first problems of a failed parse, e.g. `[3].paper.id: expected string`. */
export function describeIssues(error: z.ZodError, limit = 3): string {
  const parts = error.issues.slice(0, limit).map((issue) => {
    const path = issue.path
      .map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`))
      .join('')
      .replace(/^\./, '');
    return `${path || '(root)'}: ${issue.message}`;
  });
  const more = error.issues.length - limit;
  return parts.join('; ') + (more > 0 ? ` (+${more} more)` : '');
}
