// npm run dataset on the project's fixture archive, read back by DuckDB (an engine of its own, not
// the writer's companion reader) against the archive's JSON files read here directly: every paper,
// upvote observation, trending row and links check, with exact values; the /data/ page's queries
// run as written; and --hub against a stand-in for the Hugging Face hub on 127.0.0.1, answering
// and failing.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, TABLES } from '../../src/lib/dataset.ts';
import { makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { cleanEnv } from '../helpers/build.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

const run = promisify(execFile);
let root: string;
let out: string;
let db: DuckDBConnection;

async function dataset(env: Record<string, string> = {}, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['scripts/dataset.ts', ...args], {
      env: { ...cleanEnv(), DAYS_DIR: path.join(root, 'days'), LINKS_DIR: path.join(root, 'links'), TRENDING_DIR: path.join(root, 'trending'), ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    return error as { code: number; stdout: string; stderr: string };
  }
}

const query = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
const file = (name: string) => `'${path.join(out, name)}'`;
/** The archive's files as written, read without the project's store. */
const readDir = async <T>(dir: string): Promise<T[]> =>
  Promise.all(
    (await readdir(path.join(root, dir)))
      .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
      .map(async (f) => JSON.parse(await readFile(path.join(root, dir, f), 'utf8')) as T),
  );
const ms = (iso: string | undefined) => (iso ? String(Date.parse(iso)) : null);

type DayFile = {
  date: string;
  papers: {
    id: string;
    title: string;
    authors: string[];
    authorAccounts?: Record<string, string>;
    upvotes: number;
    comments: number;
    lastSeenAt: string;
    upvoteHistory?: { at: string; upvotes: number }[];
  }[];
};

beforeAll(async () => {
  root = path.dirname(await makeFixtureArchive());
  out = await mkdtemp(path.join(tmpdir(), 'broadsheet-dataset-'));
  const result = await dataset({}, '--out', out);
  expect(result.code, result.stderr).toBe(0);
  db = await (await DuckDBInstance.create(':memory:')).connect();
});

afterAll(() => db?.closeSync());

describe('npm run dataset', () => {
  it('writes the four tables, a manifest with their rows, sizes and hashes, and the dataset card', async () => {
    const manifest = JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { file: string }) => f.file)).toEqual(TABLES.map((t) => t.file));
    for (const entry of manifest.files) {
      const [{ n }] = (await query(`SELECT count(*) AS n FROM ${file(entry.file)}`)) as [{ n: string }];
      expect(Number(n), entry.file).toBe(entry.rows);
      expect((await readFile(path.join(out, entry.file))).length).toBe(entry.bytes);
    }
    const card = await readFile(path.join(out, 'README.md'), 'utf8');
    expect(card).toMatch(/^---\nlicense: other\n/);
    for (const table of TABLES) expect(card).toContain(`- config_name: ${table.name}\n  data_files: ${table.file}`);
  });

  it('holds every paper with exact values and real types', async () => {
    const days = await readDir<DayFile>('days');
    const freshest = new Map<string, DayFile['papers'][number]>();
    const listed = new Map<string, string[]>();
    for (const day of days.sort((a, b) => (a.date < b.date ? -1 : 1)))
      for (const paper of day.papers) {
        if (!freshest.has(paper.id) || freshest.get(paper.id)!.lastSeenAt <= paper.lastSeenAt) freshest.set(paper.id, paper);
        listed.set(paper.id, [...(listed.get(paper.id) ?? []), day.date]);
      }
    const rows = await query(
      `SELECT id, title, authors, author_accounts, upvotes, comments, strftime(first_listed, '%Y-%m-%d') AS first, strftime(last_listed, '%Y-%m-%d') AS last,
        list_transform(listed_days, d -> strftime(d, '%Y-%m-%d')) AS days, epoch_ms(last_seen_at) AS seen FROM ${file('papers.parquet')}`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual([...freshest.keys()].sort());
    for (const row of rows) {
      const paper = freshest.get(row.id as string)!;
      const days = listed.get(paper.id)!;
      expect(row, paper.id).toEqual({
        id: paper.id,
        title: paper.title,
        authors: paper.authors,
        author_accounts: paper.authors.map((name) => paper.authorAccounts?.[name] ?? null),
        upvotes: paper.upvotes,
        comments: paper.comments,
        first: days[0],
        last: days.at(-1),
        days,
        seen: ms(paper.lastSeenAt),
      });
    }
    // Sorted by first listing day, then id.
    const order = rows.map((r) => `${r.first} ${r.id}`);
    expect(order).toEqual([...order].sort());
    const types = Object.fromEntries((await query(`DESCRIBE SELECT * FROM ${file('papers.parquet')}`)).map((c) => [c.column_name, c.column_type]));
    expect(types).toMatchObject({ authors: 'VARCHAR[]', listed_days: 'DATE[]', first_listed: 'DATE', published_at: 'TIMESTAMP', upvotes: 'INTEGER' });
  });

  it('holds every upvote observation of every day file', async () => {
    const expected = (await readDir<DayFile>('days')).flatMap((day) =>
      day.papers.flatMap((p) => (p.upvoteHistory ?? [{ at: p.lastSeenAt, upvotes: p.upvotes }]).map((o) => [p.id, day.date, ms(o.at), o.upvotes].join(' '))),
    );
    const rows = await query(`SELECT paper_id, strftime(listed, '%Y-%m-%d') AS listed, epoch_ms(observed_at) AS at, upvotes FROM ${file('upvotes.parquet')}`);
    expect(rows.map((r) => [r.paper_id, r.listed, r.at, r.upvotes].join(' ')).sort()).toEqual(expected.sort());
    // The hostile paper was captured twice: its history has both counts.
    expect(rows.filter((r) => r.paper_id === '2603.00020').map((r) => r.upvotes)).toEqual([99, 120]);
  });

  it('holds every trending row, in date and rank order', async () => {
    type TrendingFile = { date: string; capturedAt: string; papers: { rank: number; id: string; upvotes: number; listed?: string }[] };
    const expected = (await readDir<TrendingFile>('trending'))
      .sort((a, b) => (a.date < b.date ? -1 : 1))
      .flatMap((day) => day.papers.map((e) => [day.date, e.rank, e.id, e.upvotes, e.listed ?? null, ms(day.capturedAt)].join(' ')));
    const rows = await query(
      `SELECT strftime(date, '%Y-%m-%d') AS date, rank, paper_id, upvotes, strftime(listed, '%Y-%m-%d') AS listed, epoch_ms(captured_at) AS at FROM ${file('trending.parquet')}`,
    );
    expect(rows.map((r) => [r.date, r.rank, r.paper_id, r.upvotes, r.listed, r.at].join(' '))).toEqual(expected);
  });

  it('holds every links check, with the latest one’s most used repositories', async () => {
    type LinksFile = {
      papers: Record<
        string,
        {
          checkedAt?: string;
          models?: { total: number; top: { id: string }[] };
          datasets?: { total: number };
          spaces?: { total: number; top: { id: string }[] };
          githubStars?: number;
        }
      >;
    };
    const expected = (await readDir<LinksFile>('links')).flatMap((f) =>
      Object.entries(f.papers)
        .filter(([, l]) => l.checkedAt)
        .map(([id, l]) => [id, ms(l.checkedAt), l.models?.total ?? 0, l.datasets?.total ?? 0, l.spaces?.total ?? 0, l.githubStars ?? null].join(' ')),
    );
    const rows = await query(
      `SELECT paper_id, epoch_ms(checked_at) AS at, models, datasets, spaces, github_stars, latest, top_models, top_spaces FROM ${file('links.parquet')}`,
    );
    expect(rows.map((r) => [r.paper_id, r.at, r.models, r.datasets, r.spaces, r.github_stars].join(' ')).sort()).toEqual(expected.sort());
    const mapreduce = rows.find((r) => r.paper_id === '2603.00011')!;
    expect(mapreduce).toMatchObject({
      latest: true,
      top_models: ['example/mapreduce-7b', 'example/mapreduce-1b', 'example/mapreduce-GGUF', 'example/mapreduce-AWQ', 'example/mapreduce-lora'],
      top_spaces: ['example/demo'],
    });
  });

  it('answers the /data/ page’s queries as written', async () => {
    for (const example of EXAMPLES.filter((e) => e.language === 'sql')) {
      const rows = await query(example.code(`${out}/`));
      expect(rows.length, example.title).toBeGreaterThan(0);
    }
    // Qwen's three papers, all in March 2026.
    const [first] = await query(EXAMPLES[0]!.code(`${out}/`));
    expect(first).toMatchObject({ organization_name: 'Qwen Team', papers: '3' });
  });
});

describe('npm run dataset --hub', () => {
  let hub: FakeHub;
  beforeAll(async () => {
    hub = await startHub();
  });
  afterAll(() => hub.close());

  const body = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => resolve(text));
    });

  it('uploads the files and the card to the dataset in one commit, with the token', async () => {
    const committed: { path: string; content: Buffer }[] = [];
    hub.handle(async (req, res, url) => {
      if (url.pathname === '/api/datasets/someone/papers-history/preupload/main') {
        const { files } = JSON.parse(await body(req)) as { files: { path: string }[] };
        return json(res, { files: files.map((f) => ({ path: f.path, uploadMode: 'regular' })) });
      }
      if (url.pathname === '/api/datasets/someone/papers-history/commit/main') {
        for (const line of (await body(req)).split('\n').map((l) => JSON.parse(l) as { key: string; value: { path: string; content: string } }))
          if (line.key === 'file') committed.push({ path: line.value.path, content: Buffer.from(line.value.content, 'base64') });
        return json(res, { commitOid: 'abcdef0123456789', commitUrl: 'http://127.0.0.1/commit' });
      }
      res.writeHead(404).end();
    });
    const upload = await mkdtemp(path.join(tmpdir(), 'broadsheet-dataset-hub-'));
    const result = await dataset({ HF_DATASET: 'someone/papers-history', HF_TOKEN: 'hf_test', HF_ENDPOINT: hub.endpoint }, '--out', upload, '--hub');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('dataset: uploaded 6 files to the Hugging Face dataset someone/papers-history (commit abcdef01)');
    expect(committed.map((f) => f.path).sort()).toEqual([
      'README.md',
      'links.parquet',
      'manifest.json',
      'papers.parquet',
      'trending.parquet',
      'upvotes.parquet',
    ]);
    for (const f of committed) expect(f.content.equals(await readFile(path.join(upload, f.path))), f.path).toBe(true);
    expect(hub.headers.every((h) => h.authorization === 'Bearer hf_test')).toBe(true);
    expect(committed.find((f) => f.path === 'README.md')!.content.toString()).toContain('load_dataset("someone/papers-history", "papers", split="train")');
  });

  it('says in one line, and in the run’s summary, when the hub fails, and still exits 0 with the files written', async () => {
    hub.handle((_req, res) => json(res, { error: 'Invalid credentials' }, 401));
    const upload = await mkdtemp(path.join(tmpdir(), 'broadsheet-dataset-hub-'));
    const summary = path.join(upload, 'summary.md');
    const result = await dataset(
      { HF_DATASET: 'someone/papers-history', HF_TOKEN: 'hf_revoked', HF_ENDPOINT: hub.endpoint, GITHUB_STEP_SUMMARY: summary },
      '--out',
      upload,
      '--hub',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/dataset: the upload to the Hugging Face dataset someone\/papers-history failed: .*Invalid credentials/);
    expect(await readFile(summary, 'utf8')).toMatch(/^> \*\*Warning\*\* dataset: the upload to the Hugging Face dataset someone\/papers-history failed/);
    expect((await readdir(upload)).filter((f) => f.endsWith('.parquet'))).toHaveLength(4);
  });

  it('without HF_DATASET and HF_TOKEN, says so and uploads nothing', async () => {
    hub.requests.length = 0;
    const upload = await mkdtemp(path.join(tmpdir(), 'broadsheet-dataset-hub-'));
    const result = await dataset({ HF_ENDPOINT: hub.endpoint }, '--out', upload, '--hub');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('HF_DATASET or HF_TOKEN is not set: not uploaded');
    expect(hub.requests).toEqual([]);
  });
});
