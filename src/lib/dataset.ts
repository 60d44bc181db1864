// The history as a dataset: four Parquet tables (papers, upvotes, trending, links), described once
// here for the writer (scripts/lib/publish/dataset/), the /data/ page and the dataset card alike.
// Pure: no file is read or written here.
import { z } from 'zod';

/** A column's type, as Parquet stores it and as readers (DuckDB, pandas, polars) see it. */
export type ColumnType = 'string' | 'int' | 'bool' | 'date' | 'timestamp' | 'string[]' | 'date[]';

export interface Column {
  name: string;
  type: ColumnType;
  /** Absent for some rows. */
  optional?: boolean;
  description: string;
}

export interface Table {
  name: 'papers' | 'upvotes' | 'trending' | 'links';
  file: string;
  description: string;
  /** What rows are sorted by: a reader can rely on it, and sorted columns compress well. */
  sortedBy: string;
  columns: Column[];
}

/** What a reader sees a type as, in the schema tables. */
export const TYPE_NAMES: Record<ColumnType, string> = {
  string: 'string',
  int: 'integer',
  bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp (UTC, ms)',
  'string[]': 'list of strings',
  'date[]': 'list of dates',
};

export const TABLES: readonly Table[] = [
  {
    name: 'papers',
    file: 'papers.parquet',
    description: 'One row per paper: what it is, and where and when it was listed, as last seen.',
    sortedBy: 'first_listed, id',
    columns: [
      { name: 'id', type: 'string', description: 'arXiv id (2406.12345, or old-style hep-th/9901001)' },
      { name: 'title', type: 'string', description: 'as listed, LaTeX kept' },
      { name: 'authors', type: 'string[]', description: 'in the listing’s order' },
      { name: 'author_accounts', type: 'string[]', description: 'each author’s Hugging Face account, in the same order; null where the listing gives none' },
      { name: 'abstract', type: 'string', description: 'arXiv’s abstract, line wraps collapsed' },
      { name: 'ai_summary', type: 'string', optional: true, description: 'Hugging Face’s AI-generated summary' },
      { name: 'ai_keywords', type: 'string[]', optional: true, description: 'Hugging Face’s AI-generated keywords' },
      { name: 'organization', type: 'string', optional: true, description: 'the organization’s Hugging Face handle' },
      { name: 'organization_name', type: 'string', optional: true, description: 'its full name' },
      { name: 'topics', type: 'string[]', description: 'this site’s topic slugs (src/topics.config.ts)' },
      { name: 'first_listed', type: 'date', description: 'the first day Daily Papers listed it' },
      { name: 'last_listed', type: 'date', description: 'the last day' },
      { name: 'listed_days', type: 'date[]', description: 'every day it was listed, oldest first' },
      { name: 'upvotes', type: 'int', description: 'as last seen' },
      { name: 'comments', type: 'int', description: 'as last seen' },
      { name: 'github_repo', type: 'string', optional: true, description: 'its code' },
      { name: 'github_stars', type: 'int', optional: true, description: 'as the listing last said' },
      { name: 'project_page', type: 'string', optional: true, description: 'its project page' },
      { name: 'published_at', type: 'timestamp', optional: true, description: 'when arXiv published it' },
      { name: 'first_seen_at', type: 'timestamp', description: 'the first capture that saw it listed' },
      { name: 'last_seen_at', type: 'timestamp', description: 'the last capture that saw it listed' },
    ],
  },
  {
    name: 'upvotes',
    file: 'upvotes.parquet',
    description:
      'One row per observation of a paper’s upvotes, for each day it was listed: frequent at first, thinned as the counts settle. Comments are recorded as last seen only (in papers).',
    sortedBy: 'paper_id, listed, observed_at',
    columns: [
      { name: 'paper_id', type: 'string', description: 'arXiv id' },
      { name: 'listed', type: 'date', description: 'the listing day the observation belongs to' },
      { name: 'observed_at', type: 'timestamp', description: 'when the capture saw it' },
      { name: 'upvotes', type: 'int', description: 'upvotes then' },
    ],
  },
  {
    name: 'trending',
    file: 'trending.parquet',
    description: 'One row per paper per day on the hub’s trending list, as of the day’s last capture.',
    sortedBy: 'date, rank',
    columns: [
      { name: 'date', type: 'date', description: 'the trending day (UTC)' },
      { name: 'rank', type: 'int', description: '1 is the top' },
      { name: 'paper_id', type: 'string', description: 'arXiv id' },
      { name: 'upvotes', type: 'int', description: 'upvotes then' },
      { name: 'listed', type: 'date', optional: true, description: 'the day Daily Papers listed it; null when not found' },
      { name: 'captured_at', type: 'timestamp', description: 'the capture this day’s list is as of' },
      { name: 'first_seen_at', type: 'timestamp', description: 'when any capture first saw it trending' },
      { name: 'top10_at', type: 'timestamp', optional: true, description: 'when a capture first saw it in the top ten' },
    ],
  },
  {
    name: 'links',
    file: 'links.parquet',
    description:
      'One row per answered check of what cites a paper on the Hub: how many models, datasets and Spaces, and its code’s stars. The most used of each are kept for the latest check only.',
    sortedBy: 'paper_id, checked_at',
    columns: [
      { name: 'paper_id', type: 'string', description: 'arXiv id' },
      { name: 'checked_at', type: 'timestamp', description: 'when the hub answered' },
      { name: 'models', type: 'int', description: 'models whose cards cite it' },
      { name: 'datasets', type: 'int', description: 'datasets citing it' },
      { name: 'spaces', type: 'int', description: 'Spaces citing it' },
      { name: 'github_stars', type: 'int', optional: true, description: 'its code’s stars' },
      { name: 'latest', type: 'bool', description: 'the paper’s latest check' },
      { name: 'top_models', type: 'string[]', optional: true, description: 'the five most downloaded models (latest check only)' },
      { name: 'top_datasets', type: 'string[]', optional: true, description: 'the five most downloaded datasets (latest check only)' },
      { name: 'top_spaces', type: 'string[]', optional: true, description: 'the five most liked Spaces (latest check only)' },
      { name: 'models_since', type: 'timestamp', optional: true, description: 'the first check that saw a model: when its weights came out' },
    ],
  },
];

/** The release tag the workflow publishes the files under: one address for good. */
export const RELEASE_TAG = 'data';

/** Where a fork's files are: `https://github.com/OWNER/REPO/releases/download/data/`. */
export const releaseBase = (repository: string) => `https://github.com/${repository}/releases/download/${RELEASE_TAG}/`;

/** Example queries, each run as written by the tests against the files (`BASE` is where they are). */
export const EXAMPLES: readonly { title: string; language: 'sql' | 'python'; code: (base: string) => string }[] = [
  {
    title: 'Papers per organization per month (DuckDB)',
    language: 'sql',
    code: (base) =>
      `SELECT organization_name, date_trunc('month', first_listed) AS month, count(*) AS papers
FROM '${base}papers.parquet'
WHERE organization IS NOT NULL
GROUP BY ALL
ORDER BY month DESC, papers DESC
LIMIT 20;`,
  },
  {
    title: 'How upvotes grow in a paper’s first 48 hours (DuckDB)',
    language: 'sql',
    code: (base) =>
      `SELECT u.paper_id, max(u.upvotes) AS upvotes_at_48h
FROM '${base}upvotes.parquet' u
JOIN '${base}papers.parquet' p ON p.id = u.paper_id
WHERE u.observed_at <= p.first_seen_at + INTERVAL 48 HOUR
GROUP BY u.paper_id
ORDER BY upvotes_at_48h DESC
LIMIT 10;`,
  },
  {
    title: 'Trending papers that got weights (DuckDB)',
    language: 'sql',
    code: (base) =>
      `SELECT t.paper_id, min(t.rank) AS best_rank, any_value(l.models_since) AS weights_out
FROM '${base}trending.parquet' t
JOIN '${base}links.parquet' l ON l.paper_id = t.paper_id AND l.latest AND l.models_since IS NOT NULL
GROUP BY t.paper_id
ORDER BY best_rank, t.paper_id;`,
  },
  {
    title: 'The same in Python (pandas; polars reads it with pl.read_parquet)',
    language: 'python',
    code: (base) =>
      `import pandas as pd
papers = pd.read_parquet("${base}papers.parquet")
print(papers.groupby("organization_name").size().sort_values(ascending=False).head(10))`,
  },
];

/** manifest.json beside the files: what the /data/ page says of them "as of the build". */
export const DatasetManifest = z.object({
  /** When the archive last changed: its newest capture. */
  updatedAt: z.string().optional(),
  files: z.array(
    z.object({ table: z.string(), file: z.string(), rows: z.number().int().nonnegative(), bytes: z.number().int().nonnegative(), sha256: z.string() }),
  ),
});
export type DatasetManifest = z.infer<typeof DatasetManifest>;
