// Builders of hub API items, one per era of the format (see ../shared/fixtures/hf/README.md),
// so the project's own fixtures stay short and readable.

export type Era = '2024' | '2025' | '2026';

export interface ItemSpec {
  id: string;
  title?: string;
  abstract?: string;
  authors?: string[];
  /** Authors' hub accounts by name: the listing's `authors[].user` (a claimed paper). */
  accounts?: Record<string, string>;
  upvotes?: number;
  comments?: number;
  era?: Era;
  date?: string;
  githubRepo?: string;
  githubStars?: number;
  projectPage?: string;
  aiSummary?: string;
  keywords?: string[];
  organization?: { name: string; fullname?: string };
}

export function apiItem(spec: ItemSpec): Record<string, unknown> {
  const era = spec.era ?? '2026';
  const date = spec.date ?? '2026-03-06';
  const title = spec.title ?? `Paper ${spec.id}: A Study of\n  Things`;
  const paper: Record<string, unknown> = {
    id: spec.id,
    authors: (spec.authors ?? ['Ada Lovelace', 'Alan Turing']).map((name, i) => {
      const account = spec.accounts?.[name];
      return { _id: `a${i}`, name, hidden: i === 1, ...(account ? { user: { _id: `u-${account}`, user: account, fullname: name, type: 'user' } } : {}) };
    }),
    publishedAt: `${date}T00:00:00.000Z`,
    title,
    summary: spec.abstract ?? 'We study things.\nThey are interesting.',
    upvotes: spec.upvotes ?? 1,
  };
  const item: Record<string, unknown> = { paper, publishedAt: `${date}T03:50:58.348Z`, title: title.replace(/\s+/g, ' ') };
  if (era === '2024') {
    item.mediaUrl = 'https://example.org/thumb.png';
  } else {
    paper.discussionId = 'd1';
    item.thumbnail = 'https://example.org/thumb.png';
    item.submittedBy = { _id: 'u1', name: 'curator', fullname: 'A Curator', avatarUrl: '/avatars/x.svg' };
  }
  if (era === '2025' || era === '2026') {
    paper.submittedOnDailyAt = `${date}T00:44:05.364Z`;
    paper.submittedOnDailyBy = { _id: 'u1', user: 'curator', fullname: 'A Curator', avatarUrl: '/avatars/x.svg' };
    paper.ai_keywords = spec.keywords ?? ['things'];
    item.summary = paper.summary;
    item.isAuthorParticipating = false;
  }
  if (spec.aiSummary ?? era === '2026') paper.ai_summary = spec.aiSummary ?? 'A study of things.';
  if (spec.githubRepo) paper.githubRepo = spec.githubRepo;
  if (spec.githubStars !== undefined) paper.githubStars = spec.githubStars;
  if (spec.projectPage) paper.projectPage = spec.projectPage;
  if (spec.organization) {
    paper.organization = { _id: 'o1', ...spec.organization, avatar: 'https://example.org/a.png' };
    item.organization = paper.organization;
  }
  item.numComments = spec.comments ?? 0;
  return item;
}

/** `n` items with ids `2603.1xxxx`, upvotes descending like the API's order. */
export function manyItems(n: number, date = '2026-03-06'): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => apiItem({ id: `2603.${String(10000 + i)}`, upvotes: n - i, date }));
}
