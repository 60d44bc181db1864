// Search without a browser: what each paper's record holds, the years it is split into, the
// address the page reads and writes, the merge of per-year sorted lists, the excerpt, and the
// yearly Pagefind indexes with their date files, built for real.
import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSearchIndexes, fragmentUrls } from '../../scripts/lib/build/search-index.ts';
import { treeDifferences } from '../../scripts/lib/tools/tree-diff.ts';
import { buildArchive } from '../../src/lib/archive.ts';
import type { Day } from '../../src/lib/schema.ts';
import {
  DATE_FILE,
  DescendingMerge,
  activeFilters,
  effectiveSort,
  firstYears,
  hasSearch,
  searchLabel,
  excerptParts,
  pagefindFilters,
  parseDateOrder,
  readState,
  serializeDateOrder,
  writeState,
  YEAR_FILE,
  yearsPhrase,
  yearsToSearch,
} from '../../src/scripts/search/state.ts';
import { authorIndex, authorShardPath, authorShards, positionsIn, shardOf } from '../../src/lib/author-index.ts';
import { searchRecord, searchRecordsByYear, searchYears, yearSummary } from '../../src/lib/search-records.ts';
import type { Topic } from '../../src/lib/topics.ts';
import { paperBuilder } from '../helpers/papers.ts';

const topics: Topic[] = [{ slug: 'agents', name: 'Agents & <Tools>', description: 'Agents.', terms: ['agent*'] }];

const paper = paperBuilder({ abstract: 'An abstract about agents.', authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra'] });

const days: Day[] = [
  { date: '2024-12-30', papers: [paper('2412.00001', { upvotes: 7 }), paper('2412.00002', { lastSeenAt: '2024-12-30T02:00:00.000Z' })] },
  // Listed again in the new year: it belongs to 2025, the year of its last listing.
  { date: '2025-01-02', papers: [paper('2412.00002', { upvotes: 9, lastSeenAt: '2025-01-02T02:00:00.000Z' }), paper('2501.00003', { upvotes: 4 })] },
  {
    date: '2026-03-06',
    papers: [
      paper('2603.00004', {
        title: 'LLM$\\times$MapReduce: <b>Agents</b>',
        abstract: 'We split $x^2$ documents <iframe src="javascript:alert(1)"></iframe>.',
        aiKeywords: ['long context', 'agents'],
        organization: { name: 'qwen', fullname: 'Qwen <Team>' },
        githubRepo: 'https://github.com/a/b',
        upvotes: 40,
      }),
      paper('2603.00005', { upvotes: 3 }),
    ],
  },
];
const archive = buildArchive(days, topics);

describe('search records', () => {
  it('hold the abstract as content, the title and authors as metadata, and the filters', () => {
    const record = searchRecord(archive.papers.get('2603.00004')!, archive.topicNames);
    expect(record.url).toBe('/papers/2603.00004/');
    expect(record.language).toBe('en');
    expect(record.content).toBe('We split x2 documents <iframe src="javascript:alert(1)"></iframe>.');
    expect(record.meta).toEqual({
      title: 'LLM×MapReduce: <b>Agents</b>',
      // The formula set apart, so "MapReduce" is a word of its own.
      words: 'LLM × MapReduce: <b>Agents</b>',
      authors: 'Ada Lovelace, Alan Turing, Grace Hopper and Edsger Dijkstra',
      listed: '2026-03-06',
      upvotes: '40',
      organization: 'Qwen <Team>',
    });
    expect(record.filters).toEqual({ topic: ['Agents & <Tools>'], organization: ['Qwen <Team>'], code: ['Has code'] });
    expect(record.sort).toEqual({ upvotes: '40' });
    // Every author, for the author index: not a Pagefind filter, which would store each name twice.
    expect(record.authors).toEqual(['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra']);
  });

  it('sum up a year for the filter panel: its papers and each value’s count', () => {
    const records = searchRecordsByYear(archive).get('2026')!;
    expect(yearSummary(records, 4)).toEqual({
      papers: 2,
      filters: { topic: { 'Agents & <Tools>': 2 }, organization: { 'Qwen <Team>': 1 }, code: { 'Has code': 1 } },
      authorShards: 4,
    });
  });

  it('can be filtered by what came of the paper on the hub', () => {
    const record = { ...archive.papers.get('2501.00003')! };
    const models = { total: 2, top: [{ id: 'a/m' }] };
    expect(searchRecord({ ...record, links: { checkedAt: 't', models } }, archive.topicNames).filters.hub).toEqual(['Has models']);
    expect(searchRecord({ ...record, links: { checkedAt: 't', models, datasets: models } }, archive.topicNames).filters.hub).toEqual([
      'Has models',
      'Has datasets',
    ]);
    expect(searchRecord({ ...record, links: { checkedAt: 't', none: true } }, archive.topicNames).filters).not.toHaveProperty('hub');
  });

  it('leave out what a paper lacks: no words without a formula, no organization, no code', () => {
    const record = searchRecord(archive.papers.get('2501.00003')!, archive.topicNames);
    expect(Object.keys(record.meta).sort()).toEqual(['authors', 'listed', 'title', 'upvotes']);
    expect(record.filters).toEqual({ topic: ['Agents & <Tools>'] });
  });

  it('list the years newest first whatever order the papers come in', () => {
    // The first paper seen (2024) is relisted in 2026, so its year comes first in the archive's order.
    const relisted = buildArchive(
      [
        { date: '2024-05-02', papers: [paper('2405.00001', { lastSeenAt: '2024-05-02T02:00:00.000Z' })] },
        { date: '2025-05-02', papers: [paper('2505.00001', { lastSeenAt: '2025-05-02T02:00:00.000Z' })] },
        { date: '2026-05-04', papers: [paper('2405.00001', { lastSeenAt: '2026-05-04T02:00:00.000Z' })] },
        { date: '2023-05-02', papers: [paper('2305.00001', { lastSeenAt: '2023-05-02T02:00:00.000Z' })] },
      ],
      topics,
    );
    expect(searchYears(relisted)).toEqual(['2026', '2025', '2023']);
  });

  it('go to the year of their last listing, newest year first, each year in date order and each day in its own order', () => {
    expect(searchYears(archive)).toEqual(['2026', '2025', '2024']);
    const byYear = searchRecordsByYear(archive);
    expect([...byYear.keys()]).toEqual(['2026', '2025', '2024']);
    expect(byYear.get('2025')!.map((r) => [r.url, r.meta.upvotes])).toEqual([
      ['/papers/2412.00002/', '9'],
      ['/papers/2501.00003/', '4'],
    ]);
    expect(byYear.get('2024')!.map((r) => r.url)).toEqual(['/papers/2412.00001/']);
    expect(byYear.get('2026')!.map((r) => r.url)).toEqual(['/papers/2603.00004/', '/papers/2603.00005/']);
    // Newest day first within a year, whatever order the records of a year were found in.
    const twoDays = buildArchive(
      [
        { date: '2025-03-03', papers: [paper('2503.00001', { upvotes: 50 })] },
        { date: '2025-03-04', papers: [paper('2503.00002', { upvotes: 1 }), paper('2503.00003', { upvotes: 0 })] },
      ],
      topics,
    );
    expect(
      searchRecordsByYear(twoDays)
        .get('2025')!
        .map((r) => r.url),
    ).toEqual(['/papers/2503.00002/', '/papers/2503.00003/', '/papers/2503.00001/']);
  });
});

describe('a search with no words', () => {
  it('lists what its filters hold, newest first, and says so in words', () => {
    const browse = { q: '', sort: 'relevance' as const, filters: { topic: ['Agents'], year: ['2025'] } };
    expect(hasSearch(browse)).toBe(true);
    expect(effectiveSort(browse)).toBe('date');
    expect(effectiveSort({ ...browse, sort: 'upvotes' })).toBe('upvotes');
    expect(searchLabel(browse)).toBe('in Agents, 2025');
    expect(searchLabel({ ...browse, filters: { author: ['Ziwei Liu', 'Kai Chen'], topic: ['Robotics'] } })).toBe('by Ziwei Liu and Kai Chen in Robotics');
    expect(hasSearch({ q: '', sort: 'relevance', filters: {} })).toBe(false);
    const words = { q: 'quokka', sort: 'relevance' as const, filters: { topic: ['Agents'] } };
    expect([hasSearch(words), effectiveSort(words), searchLabel(words)]).toEqual([true, 'relevance', '“quokka”']);
  });
});

describe('the address of a search', () => {
  it('reads the term, the sort and repeated filters, ignoring what it does not know', () => {
    const state = readState(new URLSearchParams('q=+quokka+&sort=upvotes&topic=Agents&topic=Robotics&topic=Agents&year=2025&year=&colour=red'));
    expect(state).toEqual({ q: 'quokka', sort: 'upvotes', filters: { topic: ['Agents', 'Robotics'], year: ['2025'] } });
    expect(readState(new URLSearchParams('sort=nonsense')).sort).toBe('relevance');
    expect(readState(new URLSearchParams('')).q).toBe('');
  });

  it('writes it back, leaving out relevance and keeping other parameters', () => {
    const url = writeState(new URL('https://x.org/search/?q=old&ref=feed&topic=Old'), {
      q: 'a & b',
      sort: 'date',
      filters: { topic: ['Agents & <Tools>'], organization: ['Qwen'] },
    });
    expect(url.search).toBe('?ref=feed&q=a+%26+b&sort=date&topic=Agents+%26+%3CTools%3E&organization=Qwen');
    expect(readState(url.searchParams)).toEqual({ q: 'a & b', sort: 'date', filters: { topic: ['Agents & <Tools>'], organization: ['Qwen'] } });
    expect(writeState(url, { q: '', sort: 'relevance', filters: {} }).search).toBe('?ref=feed');
  });

  it('asks Pagefind for any chosen value of a key, and one index’s year when sorting per year', () => {
    expect(pagefindFilters({ topic: ['A', 'B'], year: ['2025', '2024'] })).toEqual({ topic: { any: ['A', 'B'] }, year: { any: ['2025', '2024'] } });
    expect(pagefindFilters({ topic: ['A'], year: ['2025', '2024'] }, '2024')).toEqual({ topic: { any: ['A'] }, year: { any: ['2024'] } });
    expect(pagefindFilters({ code: [] })).toEqual({});
    // Authors are the author index's to answer, not Pagefind's.
    expect(pagefindFilters({ author: ['Ziwei Liu'], topic: ['A'] }, '2025')).toEqual({ topic: { any: ['A'] }, year: { any: ['2025'] } });
    expect(yearsToSearch(['2026', '2025', '2024'], {})).toEqual(['2026', '2025', '2024']);
    expect(yearsToSearch(['2026', '2025', '2024'], { year: ['2024', '2026'] })).toEqual(['2026', '2024']);
    expect(activeFilters({ topic: ['A', 'B'], code: ['Has code'] })).toBe(3);
    expect(activeFilters({})).toBe(0);
  });
});

describe('the years a search covers first', () => {
  const years = ['2028', '2027', '2026', '2025', '2024'];
  const state = (q: string, sort: 'relevance' | 'date' | 'upvotes', filters = {}) => ({ q, sort, filters });

  it('covers the newest two years by relevance and by date, whatever the archive’s age', () => {
    expect(firstYears(years, state('model', 'relevance'), false)).toEqual(['2028', '2027']);
    expect(firstYears(years, state('model', 'date'), false)).toEqual(['2028', '2027']);
    expect(firstYears(years.slice(0, 1), state('model', 'relevance'), false)).toEqual(['2028']);
    // Browsing a topic with no words is by date too.
    expect(firstYears(years, state('', 'relevance', { topic: ['Robotics'] }), false)).toEqual(['2028', '2027']);
  });

  it('covers every year when an exact answer or the reader needs them', () => {
    expect(firstYears(years, state('model', 'relevance'), true)).toEqual(years);
    // The most upvoted paper may be in any year.
    expect(firstYears(years, state('model', 'upvotes'), false)).toEqual(years);
    // The years the filter names, and a person's whole history.
    expect(firstYears(['2025', '2024'], state('model', 'relevance', { year: ['2025', '2024'] }), false)).toEqual(['2025', '2024']);
    expect(firstYears(years, state('', 'date', { author: ['Ziwei Liu'] }), false)).toEqual(years);
  });

  it('names the years in words, oldest first', () => {
    expect(yearsPhrase(['2024'])).toEqual('2024');
    expect(yearsPhrase(['2026', '2025'])).toEqual('2025 and 2026');
    expect(yearsPhrase(['2026', '2024', '2025', '2023'])).toEqual('2023 to 2026');
    expect(yearsPhrase(['2026', '2023', '2021'])).toEqual('2021, 2023 and 2026');
    expect(yearsPhrase([])).toEqual('');
  });
});

describe('the date order file', () => {
  it('lists each day newest first with its pages in order, and reads back their positions', () => {
    const text = serializeDateOrder([
      { date: '2026-03-06', hash: 'en_a' },
      { date: '2026-03-06', hash: 'en_b' },
      { date: '2026-03-05', hash: 'en_c' },
    ]);
    expect(text).toBe('2026-03-06 en_a en_b\n2026-03-05 en_c\n');
    expect([...parseDateOrder(text)]).toEqual([
      ['en_a', 0],
      ['en_b', 1],
      ['en_c', 2],
    ]);
    expect(parseDateOrder('').size).toBe(0);
    // Stray spaces and a line without pages add no empty ids.
    expect([...parseDateOrder(' 2026-03-06  en_a en_b \n2026-03-05\n').keys()]).toEqual(['en_a', 'en_b']);
  });
});

describe('merging per-year lists sorted by upvotes', () => {
  const years = [
    [30, 20, 20, 1],
    [500, 25, 2],
    [20, 19],
  ].map((values, year) => values.map((value, i) => ({ year, i, value })));

  it('gives one list in order, ties to the newer year, across "load more"', async () => {
    const merge = new DescendingMerge(years, async (item) => item.value);
    expect(merge.total).toBe(9);
    const first = await merge.take(4);
    const rest = await merge.take(10);
    expect([...first, ...rest].map((item) => `${item.year}:${item.value}`)).toEqual(['1:500', '0:30', '1:25', '0:20', '0:20', '2:20', '2:19', '1:2', '0:1']);
    expect(await merge.take(3)).toEqual([]);
  });

  it('asks for a value only when an item reaches the head of its list, once', async () => {
    const asked: string[] = [];
    const merge = new DescendingMerge(years, async (item) => {
      asked.push(`${item.year}:${item.i}`);
      return item.value;
    });
    await merge.take(3);
    // The first 3 need at most 3 + (3 lists - 1) values.
    expect(asked.length).toBeLessThanOrEqual(5);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked).not.toContain('0:3');
  });

  it('handles empty lists and no lists', async () => {
    expect(await new DescendingMerge([[], [{ v: 1 }]], async (x) => x.v).take(5)).toEqual([{ v: 1 }]);
    expect(await new DescendingMerge([], async () => 0).take(5)).toEqual([]);
  });
});

describe('excerpts', () => {
  const words = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `w${from + i}`).join(' ');

  it('centre on the matches, marked, with ellipses where the abstract goes on', () => {
    const content = `${words(60)} quasicrystal ${words(60, 61)}`;
    const parts = excerptParts(content, [60], 10);
    expect(parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('')).toBe('… w55 w56 w57 w58 w59 [quasicrystal] w61 w62 w63 w64 …');
  });

  it('choose the densest run of matches', () => {
    const content = `alpha ${words(40, 1)} alpha beta alpha ${words(40, 44)}`;
    const text = excerptParts(content, [0, 41, 42, 43], 8)
      .map((p) => (p.mark ? `[${p.text}]` : p.text))
      .join('');
    expect(text).toContain('[alpha beta alpha]');
    expect(text.startsWith('…')).toBe(true);
  });

  it('start at the beginning when only the title matched, and leave a short abstract whole', () => {
    expect(excerptParts(words(50), [], 5)).toEqual([{ text: 'w0 w1 w2 w3 w4 …', mark: false }]);
    expect(excerptParts('Short and sweet.', [1, 99], 30)).toEqual([
      { text: 'Short ', mark: false },
      { text: 'and', mark: true },
      { text: ' sweet.', mark: false },
    ]);
  });

  it('reach a match in the last word, and centre on a run of several matches', () => {
    const show = (parts: { text: string; mark: boolean }[]) => parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');
    expect(show(excerptParts(`${words(40)} omega`, [40], 5))).toBe('… w36 w37 w38 w39 [omega]');
    // Matches at 20 and 26: the window centres on 23, showing both with context.
    expect(show(excerptParts(words(50), [20, 26], 10))).toBe('… w18 w19 [w20] w21 w22 w23 w24 w25 [w26] w27 …');
  });

  it('count words as Pagefind does, however the abstract is spaced, and give nothing for no text', () => {
    const parts = excerptParts('one  two\n three four', [2]);
    expect(parts).toEqual([
      { text: 'one two ', mark: false },
      { text: 'three', mark: true },
      { text: ' four', mark: false },
    ]);
    expect(excerptParts('', [])).toEqual([]);
  });

  it('keep upstream markup as plain text in the parts (the page renders them as text nodes)', () => {
    const parts = excerptParts('We study <iframe src="javascript:alert(1)"></iframe> zebrafish.', [4]);
    expect(parts.map((p) => p.text).join('')).toBe('We study <iframe src="javascript:alert(1)"></iframe> zebrafish.');
    expect(parts.find((p) => p.mark)?.text).toBe('zebrafish.');
  });
});

describe('the yearly indexes', () => {
  it('reads page ids from fragment files, single or grouped', () => {
    const one = gzipSync(`pagefind_dcd${JSON.stringify({ url: '/papers/1/', content: 'x' })}`);
    expect(fragmentUrls('en_1', one)).toEqual([['en_1', '/papers/1/']]);
    const group = gzipSync(`pagefind_dcd${JSON.stringify({ en_a: { url: '/papers/a/' }, en_b: { url: '/papers/b/' } })}`);
    expect(fragmentUrls('g1', group)).toEqual([
      ['en_a', '/papers/a/'],
      ['en_b', '/papers/b/'],
    ]);
    expect(() => fragmentUrls('g2', gzipSync(JSON.stringify({ en_c: { content: 'no url' } })))).toThrow(/fragment g2: no url for page en_c/);
  });

  it('builds one Pagefind bundle per year, each with its pages in date order and no unused UI', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'broadsheet-search-index-'));
    const report = await buildSearchIndexes(path.join(site, 'pagefind'), searchRecordsByYear(archive));
    expect(report.years.map((y) => [y.year, y.papers])).toEqual([
      ['2026', 2],
      ['2025', 2],
      ['2024', 1],
    ]);
    expect((await readdir(path.join(site, 'pagefind'))).sort()).toEqual(['2024', '2025', '2026']);
    const bundle = path.join(site, 'pagefind', '2025');
    const files = await readdir(bundle);
    // The runtime is the newest year's: older years merge into it, and nothing of Pagefind's own
    // UIs, worker or unknown-language build is used.
    const meta = (names: string[]) => names.filter((file) => /^pagefind\.en_\w+\.pf_meta$/.test(file));
    expect(meta(files)).toHaveLength(1);
    expect(files.filter((file) => !meta(files).includes(file)).sort()).toEqual([
      'authors',
      DATE_FILE,
      'filter',
      'fragment',
      'index',
      'pagefind-entry.json',
      YEAR_FILE,
    ]);
    const newest = await readdir(path.join(site, 'pagefind', '2026'));
    expect(newest.filter((file) => !meta(newest).includes(file)).sort()).toEqual([
      'authors',
      DATE_FILE,
      'filter',
      'fragment',
      'index',
      'pagefind-entry.json',
      'pagefind.js',
      'wasm.en.pagefind',
      YEAR_FILE,
    ]);
    // The date file names real pages, newest listed first, in the day's order.
    const order = parseDateOrder(gunzipSync(await readFile(path.join(bundle, DATE_FILE))).toString('utf8'));
    const urls = new Map<string, string>();
    for (const file of await readdir(path.join(bundle, 'fragment')))
      for (const [hash, url] of fragmentUrls(file.replace('.pf_fragment', ''), await readFile(path.join(bundle, 'fragment', file)))) urls.set(hash, url);
    expect([...order.keys()].map((hash) => urls.get(hash))).toEqual(['/papers/2412.00002/', '/papers/2501.00003/']);
    const entry = JSON.parse(await readFile(path.join(bundle, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(2);
    // The author index names the same pages: Grace Hopper's are both of 2025's, in date order.
    const summary = JSON.parse(await readFile(path.join(bundle, YEAR_FILE), 'utf8'));
    expect(summary).toMatchObject({ papers: 2, authorShards: 1 });
    const shard = gunzipSync(await readFile(path.join(bundle, authorShardPath(shardOf('Grace Hopper', summary.authorShards))))).toString('utf8');
    const pages = [...order.keys()];
    expect(positionsIn(shard, 'Grace Hopper').map((position) => urls.get(pages[position]!))).toEqual(['/papers/2412.00002/', '/papers/2501.00003/']);
  });

  it('copies a year whose records did not change from the cache, and gives the same files as a clean build', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'broadsheet-search-index-'));
    const cache = path.join(site, 'cache');
    const byYear = searchRecordsByYear(archive);
    const reused = (report: { years: { year: string; reused: boolean }[] }) => report.years.filter((y) => y.reused).map((y) => y.year);
    expect(reused(await buildSearchIndexes(path.join(site, 'first'), byYear, { cache }))).toEqual([]);
    expect(reused(await buildSearchIndexes(path.join(site, 'again'), byYear, { cache }))).toEqual(['2026', '2025', '2024']);
    expect(await treeDifferences(path.join(site, 'first'), path.join(site, 'again'))).toEqual([]);

    // A day's refresh: one paper of 2025 has more upvotes. Only 2025 is indexed again, and the
    // result is what a build with no cache writes.
    const changed = new Map(
      [...byYear].map(([year, records]) => [
        year,
        year === '2025' ? records.map((r, i) => (i ? r : { ...r, meta: { ...r.meta, upvotes: '99' }, sort: { ...r.sort, upvotes: '99' } })) : records,
      ]),
    );
    expect(reused(await buildSearchIndexes(path.join(site, 'refreshed'), changed, { cache }))).toEqual(['2026', '2024']);
    await buildSearchIndexes(path.join(site, 'clean'), changed);
    expect(await treeDifferences(path.join(site, 'refreshed'), path.join(site, 'clean'))).toEqual([]);
    expect(await treeDifferences(path.join(site, 'first'), path.join(site, 'clean'))).not.toEqual([]);
    // The cache keeps one bundle a year: the newest.
    expect((await readdir(cache)).map((entry) => entry.slice(0, 4)).sort()).toEqual(['2024', '2025', '2026']);
  });

  it('says which year failed, and why', async () => {
    const site = await mkdtemp(path.join(tmpdir(), 'broadsheet-search-index-'));
    const record = searchRecordsByYear(archive).get('2026')![0]!;
    const broken = new Map([['2026', [{ ...record, meta: { ...record.meta, upvotes: 40 as unknown as string } }]]]);
    await expect(buildSearchIndexes(path.join(site, 'pagefind'), broken)).rejects.toThrow(/Pagefind, year 2026: /);
  });
});

describe('the author index', () => {
  const years = [['Kai Chen', 'Ziwei Liu'], ['Kai Cheng'], ['Zoë Müller', 'kai  chen', 'Kai Chen'], []];

  it('gives each person’s papers as positions, whole names only, however accents, case and spaces are written', () => {
    const { shards, files } = authorIndex(years);
    const shard = (name: string) => files.get(shardOf(name, shards)) ?? '';
    expect(positionsIn(shard('Kai Chen'), 'Kai Chen')).toEqual([0, 2]);
    expect(positionsIn(shard('KAI CHEN'), 'KAI  CHEN')).toEqual([0, 2]);
    // A name that begins another is not it.
    expect(positionsIn(shard('Kai Cheng'), 'Kai Cheng')).toEqual([1]);
    expect(positionsIn(shard('Kai'), 'Kai')).toEqual([]);
    expect(positionsIn(shard('Zoe Muller'), 'Zoe Muller')).toEqual([2]);
    expect(positionsIn(shard('Nobody'), 'Nobody')).toEqual([]);
  });

  it('puts every name in the shard its key names, one sorted line each', () => {
    const many = Array.from({ length: 400 }, (_, i) => [`Author ${i}`, `Author ${i + 1}`, `Co Author ${i % 7}`]);
    const { shards, files } = authorIndex(many);
    expect(shards).toBe(authorShards(400 * 3));
    expect(shards).toBeGreaterThan(1);
    for (const [shard, text] of files) {
      const names = text
        .trimEnd()
        .split('\n')
        .map((line) => line.split('\t')[0]!);
      expect(names).toEqual([...names].sort());
      for (const name of names) expect(shardOf(name, shards)).toBe(shard);
    }
    expect(positionsIn(files.get(shardOf('Author 7', shards))!, 'Author 7')).toEqual([6, 7]);
    expect(positionsIn(files.get(shardOf('Co Author 3', shards))!, 'co author 3')).toHaveLength(57);
  });

  it('splits a year into more shards as it grows, a power of two, at most 1024', () => {
    expect(authorShards(0)).toBe(1);
    expect(authorShards(600)).toBe(1);
    expect(authorShards(601)).toBe(2);
    expect(authorShards(125_000)).toBe(256);
    expect(authorShards(10_000_000)).toBe(1024);
  });
});
