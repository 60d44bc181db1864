// The one definition of Broadsheet's data: the upstream API item the snapshot command reads,
// and the day file it writes, which Astro's content collection validates with the same schema.
import { z } from 'astro/zod';

/** A calendar day, `YYYY-MM-DD`, that really exists (2024-02-30 does not). */
export const IsoDate = z.iso.date();
/** A UTC timestamp as the hub writes it, `2024-05-27T03:50:58.348Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** New-style arXiv ids (`2406.12345`, optionally versioned) and old-style ones (`hep-th/9901001`). */
export const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/;
export const ArxivId = z.string().regex(ARXIV_ID, 'not an arXiv id');

/** Only http(s) links are kept: a `javascript:` URL stays dangerous even when escaped. */
export const WebUrl = z.url({ protocol: /^https?$/ });

const Count = z.number().int().nonnegative();

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

// --- Upstream: the hub's `/api/daily_papers` item. Missing fields are omitted, never null,
// and unknown fields are dropped, so a new upstream field never breaks a capture.

const ApiAuthor = z.object({ name: z.string() });
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
