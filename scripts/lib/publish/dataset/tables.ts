// The dataset's four tables from the archive's files, as columns of plain values (dates and times
// as ISO strings): what src/lib/dataset.ts describes, in the order it says rows are sorted. Pure:
// the writer (write.ts) turns these into Parquet.
import { buildArchive } from '../../../../src/lib/archive.ts';
import { TABLES, type Table } from '../../../../src/lib/dataset.ts';
import type { Day, LinksCheck, LinksDay, PaperLinks, TrendingDay } from '../../../../src/lib/schema.ts';
import type { Topic } from '../../../../src/lib/topics.ts';

export type Value = string | number | boolean | null | (string | null)[];
export type Row = Record<string, Value>;

export interface Tables {
  papers: Row[];
  upvotes: Row[];
  trending: Row[];
  links: Row[];
}

export interface DatasetInput {
  days: readonly Day[];
  links: readonly LinksDay[];
  trending: readonly TrendingDay[];
  topics: readonly Topic[];
}

const byKeys =
  (...keys: string[]) =>
  (a: Row, b: Row): number => {
    for (const key of keys) {
      const [x, y] = [a[key] ?? '', b[key] ?? ''];
      if (x !== y) return x! < y! ? -1 : 1;
    }
    return 0;
  };

function papers({ days, links, topics }: DatasetInput): Row[] {
  const archive = buildArchive(days, topics, links);
  return [...archive.papers.values()]
    .map(({ paper, days: listed, topics: slugs }): Row => ({
      id: paper.id,
      title: paper.title,
      authors: paper.authors,
      author_accounts: paper.authors.map((name) => paper.authorAccounts?.[name] ?? null),
      abstract: paper.abstract,
      ai_summary: paper.aiSummary ?? null,
      ai_keywords: paper.aiKeywords ?? null,
      organization: paper.organization?.name ?? null,
      organization_name: paper.organization ? (paper.organization.fullname ?? paper.organization.name) : null,
      topics: slugs,
      first_listed: listed[0]!,
      last_listed: listed.at(-1)!,
      listed_days: listed,
      upvotes: paper.upvotes,
      comments: paper.comments,
      github_repo: paper.githubRepo ?? null,
      github_stars: paper.githubStars ?? null,
      project_page: paper.projectPage ?? null,
      published_at: paper.publishedAt ?? null,
      first_seen_at: paper.firstSeenAt,
      last_seen_at: paper.lastSeenAt,
    }))
    .sort(byKeys('first_listed', 'id'));
}

/** Each day file's observations of each paper; a file from before they were kept, its last capture. */
function upvotes({ days }: DatasetInput): Row[] {
  return days
    .flatMap((day) =>
      day.papers.flatMap((paper) =>
        (paper.upvoteHistory ?? [{ at: paper.lastSeenAt, upvotes: paper.upvotes }]).map((seen): Row => ({
          paper_id: paper.id,
          listed: day.date,
          observed_at: seen.at,
          upvotes: seen.upvotes,
        })),
      ),
    )
    .sort(byKeys('paper_id', 'listed', 'observed_at'));
}

function trending({ trending: days }: DatasetInput): Row[] {
  return days
    .flatMap((day) =>
      day.papers.map((entry): Row => ({
        date: day.date,
        rank: entry.rank,
        paper_id: entry.id,
        upvotes: entry.upvotes,
        listed: entry.listed ?? null,
        captured_at: day.capturedAt,
        first_seen_at: entry.firstSeenAt,
        top10_at: entry.top10At ?? null,
      })),
    )
    .sort((a, b) => byKeys('date')(a, b) || (a.rank as number) - (b.rank as number));
}

/** The checks a links entry holds: every one kept, or for an older file its last. */
function checksOf(links: PaperLinks): LinksCheck[] {
  if (links.checks) return links.checks;
  if (!links.checkedAt) return [];
  const counts = { models: links.models?.total, datasets: links.datasets?.total, spaces: links.spaces?.total, githubStars: links.githubStars };
  return [{ at: links.checkedAt, ...Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== undefined)) }];
}

function linkRows({ links: files }: DatasetInput): Row[] {
  const ids = (kind: PaperLinks['models']) => kind?.top.map((repo) => repo.id) ?? [];
  return files
    .flatMap((file) =>
      Object.entries(file.papers).flatMap(([id, links]) => {
        const checks = checksOf(links);
        return checks.map((check, i): Row => {
          const latest = i === checks.length - 1;
          return {
            paper_id: id,
            checked_at: check.at,
            models: check.models ?? 0,
            datasets: check.datasets ?? 0,
            spaces: check.spaces ?? 0,
            github_stars: check.githubStars ?? null,
            latest,
            top_models: latest ? ids(links.models) : null,
            top_datasets: latest ? ids(links.datasets) : null,
            top_spaces: latest ? ids(links.spaces) : null,
            models_since: links.modelsSince ?? null,
          };
        });
      }),
    )
    .sort(byKeys('paper_id', 'checked_at'));
}

/** Every table of the dataset, its rows sorted as its description says. */
export function datasetTables(input: DatasetInput): Tables {
  return { papers: papers(input), upvotes: upvotes(input), trending: trending(input), links: linkRows(input) };
}

/** A table's description by name. */
export const tableOf = (name: Table['name']): Table => TABLES.find((table) => table.name === name)!;
