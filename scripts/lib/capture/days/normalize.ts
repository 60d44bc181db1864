// Upstream item -> the day file's paper: flatten, collapse arXiv's hard line wraps, drop what
// the site does not need (avatars, internal ids, thumbnails) and any link that is not http(s).
import { hasMath } from '../../../../src/lib/math.ts';
import { HubAccount, WebUrl, type ApiItem, type Paper } from '../../../../src/lib/schema.ts';

export type ListedPaper = Omit<Paper, 'firstSeenAt' | 'lastSeenAt'>;

/** arXiv wraps titles and abstracts at ~80 columns; the wraps carry no meaning. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function webUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const parsed = WebUrl.safeParse(value.trim());
  return parsed.success ? parsed.data : undefined;
}

/**
 * The hub keeps two titles. `paper.title` is its plain-text copy, which loses math
 * ("nabla^2DFT"); the item's `title` is the authors' own, with LaTeX ("$\nabla^2$DFT") but
 * also text-mode macros (\textsc{...}). Take the authors' title only when it carries math.
 */
export function chooseTitle(item: ApiItem): string {
  return collapseWhitespace(item.title && hasMath(item.title) ? item.title : item.paper.title);
}

export function normalizeItem(item: ApiItem): ListedPaper {
  const { paper } = item;
  const organization = paper.organization ?? item.organization;
  const keywords = paper.ai_keywords?.map(collapseWhitespace).filter(Boolean);
  const githubRepo = webUrl(paper.githubRepo);
  const normalized: ListedPaper = {
    id: paper.id,
    title: chooseTitle(item),
    abstract: collapseWhitespace(paper.summary),
    authors: paper.authors.map((author) => collapseWhitespace(author.name)).filter(Boolean),
    authorAccounts: accountsOf(paper.authors),
    upvotes: paper.upvotes,
    comments: item.numComments ?? 0,
    organization: organization ? { name: organization.name, ...(organization.fullname ? { fullname: organization.fullname } : {}) } : undefined,
    githubRepo,
    githubStars: githubRepo ? paper.githubStars : undefined,
    projectPage: webUrl(paper.projectPage),
    aiSummary: paper.ai_summary ? collapseWhitespace(paper.ai_summary) : undefined,
    aiKeywords: keywords?.length ? keywords : undefined,
    submitter: paper.submittedOnDailyBy?.user ?? item.submittedBy?.name ?? item.submittedBy?.user,
    publishedAt: paper.publishedAt,
    // Before 2025 the item's own publishedAt was the listing time; since then submittedOnDailyAt is.
    listedAt: paper.submittedOnDailyAt ?? (paper.submittedOnDailyBy ? undefined : item.publishedAt),
    withdrawnAt: paper.withdrawnAt,
  };
  return dropUndefined(normalized);
}

/** Each author's hub account, by name, where the listing gives one that is a valid account name; none at all is absent. */
function accountsOf(authors: ApiItem['paper']['authors']): Record<string, string> | undefined {
  const accounts: [string, string][] = [];
  for (const author of authors) {
    const name = collapseWhitespace(author.name);
    const account = author.user?.user;
    if (name && account && HubAccount.safeParse(account).success) accounts.push([name, account]);
  }
  return accounts.length ? Object.fromEntries(accounts) : undefined;
}

/** exactOptionalPropertyTypes and stable files both want absent keys, not `undefined` values. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
