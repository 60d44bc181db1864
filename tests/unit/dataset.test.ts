// The dataset's tables from archive files, before any Parquet: one row per what each table says,
// in its order; and the card made from the same description.
import { describe, expect, it } from 'vitest';
import { datasetCard } from '../../scripts/lib/publish/dataset/card.ts';
import { datasetTables } from '../../scripts/lib/publish/dataset/tables.ts';
import { TABLES } from '../../src/lib/dataset.ts';
import type { Day, LinksDay, TrendingDay } from '../../src/lib/schema.ts';
import { paperBuilder } from '../helpers/papers.ts';

const paper = paperBuilder();
const days: Day[] = [
  {
    date: '2026-03-06',
    papers: [
      paper('2603.00002', {
        authors: ['Kai Chen', 'Ada'],
        authorAccounts: { Ada: 'ada' },
        organization: { name: 'qwen', fullname: 'Qwen Team' },
        upvoteHistory: [
          { at: '2026-03-06T02:00:00.000Z', upvotes: 1 },
          { at: '2026-03-06T08:00:00.000Z', upvotes: 9 },
        ],
      }),
    ],
  },
  {
    date: '2026-03-05',
    papers: [paper('2603.00001', { upvotes: 4, lastSeenAt: '2026-03-05T02:00:00.000Z' }), paper('2603.00002', { lastSeenAt: '2026-03-05T02:00:00.000Z' })],
  },
];
const links: LinksDay[] = [
  {
    date: '2026-03-05',
    papers: {
      '2603.00002': {
        checkedAt: '2026-03-09T00:00:00.000Z',
        models: { total: 2, top: [{ id: 'a/m1' }, { id: 'a/m2' }] },
        modelsSince: '2026-03-07T00:00:00.000Z',
        checks: [
          { at: '2026-03-07T00:00:00.000Z', models: 1 },
          { at: '2026-03-09T00:00:00.000Z', models: 2, githubStars: 5 },
        ],
      },
      // A file from before checks were kept: its last check is its one row.
      '2603.00001': { checkedAt: '2026-03-08T00:00:00.000Z', spaces: { total: 3, top: [{ id: 'a/s' }] } },
      // Never answered: no row.
      '2603.00003': { unanswered: { since: '2026-03-08T00:00:00.000Z', at: '2026-03-08T00:00:00.000Z', times: 1, problem: 'HTTP 404' } },
    },
  },
];
const trending: TrendingDay[] = [
  {
    date: '2026-03-09',
    capturedAt: '2026-03-09T19:00:00.000Z',
    papers: [10, 9, 1].map((rank) => ({
      rank,
      id: `2603.0000${rank % 3}`,
      upvotes: rank,
      firstSeenAt: '2026-03-09T19:00:00.000Z',
      ...(rank === 1 ? { listed: '2026-03-05' } : {}),
    })),
  },
];
const tables = datasetTables({ days, links, trending, topics: [{ slug: 'things', name: 'Things', description: '', terms: ['paper'] }] });

describe('the dataset’s tables', () => {
  it('papers: one row each, as last seen, with every listing day, accounts beside their authors', () => {
    expect(tables.papers.map((p) => [p.id, p.first_listed, p.last_listed, p.listed_days])).toEqual([
      ['2603.00001', '2026-03-05', '2026-03-05', ['2026-03-05']],
      ['2603.00002', '2026-03-05', '2026-03-06', ['2026-03-05', '2026-03-06']],
    ]);
    expect(tables.papers[1]).toMatchObject({
      authors: ['Kai Chen', 'Ada'],
      author_accounts: [null, 'ada'],
      organization: 'qwen',
      organization_name: 'Qwen Team',
      topics: ['things'],
      ai_keywords: null,
    });
  });

  it('upvotes: every observation of every day file, or a file’s last capture when it kept none', () => {
    expect(tables.upvotes.map((u) => [u.paper_id, u.listed, u.observed_at, u.upvotes])).toEqual([
      ['2603.00001', '2026-03-05', '2026-03-05T02:00:00.000Z', 4],
      ['2603.00002', '2026-03-05', '2026-03-05T02:00:00.000Z', 1],
      ['2603.00002', '2026-03-06', '2026-03-06T02:00:00.000Z', 1],
      ['2603.00002', '2026-03-06', '2026-03-06T08:00:00.000Z', 9],
    ]);
  });

  it('trending: by date, then rank as a number', () => {
    expect(tables.trending.map((t) => [t.rank, t.paper_id, t.listed])).toEqual([
      [1, '2603.00001', '2026-03-05'],
      [9, '2603.00000', null],
      [10, '2603.00001', null],
    ]);
  });

  it('links: a row per answered check, the latest with the most used of each kind', () => {
    expect(tables.links).toEqual([
      {
        paper_id: '2603.00001',
        checked_at: '2026-03-08T00:00:00.000Z',
        models: 0,
        datasets: 0,
        spaces: 3,
        github_stars: null,
        latest: true,
        top_models: [],
        top_datasets: [],
        top_spaces: ['a/s'],
        models_since: null,
      },
      {
        paper_id: '2603.00002',
        checked_at: '2026-03-07T00:00:00.000Z',
        models: 1,
        datasets: 0,
        spaces: 0,
        github_stars: null,
        latest: false,
        top_models: null,
        top_datasets: null,
        top_spaces: null,
        models_since: '2026-03-07T00:00:00.000Z',
      },
      {
        paper_id: '2603.00002',
        checked_at: '2026-03-09T00:00:00.000Z',
        models: 2,
        datasets: 0,
        spaces: 0,
        github_stars: 5,
        latest: true,
        top_models: ['a/m1', 'a/m2'],
        top_datasets: [],
        top_spaces: [],
        models_since: '2026-03-07T00:00:00.000Z',
      },
    ]);
  });

  it('fill every column the description names, and no other', () => {
    for (const table of TABLES)
      for (const row of tables[table.name]) expect(Object.keys(row).sort(), table.name).toEqual(table.columns.map((c) => c.name).sort());
  });
});

describe('the dataset card', () => {
  it('names each table as a configuration, with its rows and columns, for the viewer and load_dataset', () => {
    const card = datasetCard(
      { updatedAt: '2026-03-09T19:00:00.000Z', files: TABLES.map((t, i) => ({ table: t.name, file: t.file, rows: 1000 + i, bytes: 1, sha256: '' })) },
      { title: 'Broadsheet', url: 'https://you.github.io/broadsheet/' },
      'someone/papers',
    );
    expect(card).toContain('configs:\n- config_name: papers\n  data_files: papers.parquet\n- config_name: upvotes');
    expect(card).toContain('### papers (`papers.parquet`, 1,000 rows)');
    expect(card).toContain('| `author_accounts` | list of strings |');
    expect(card).toContain('load_dataset("someone/papers", "papers", split="train")');
  });
});
