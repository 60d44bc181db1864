// What came of each paper: the links capture against a real HTTP server on 127.0.0.1 answering
// /api/papers/{id} in the hub's shape, its schedule, and what it keeps.
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HttpClient } from '../../scripts/lib/capture/http.ts';
import { CapturePolicy } from '../../scripts/lib/capture/policy.ts';
import { captureLinks, formatLinks, paperApiUrl } from '../../scripts/lib/capture/links/capture.ts';
import { normalizeLinks, unansweredLinks } from '../../scripts/lib/capture/links/normalize.ts';
import { dueOn, planLinks, stage } from '../../scripts/lib/capture/links/schedule.ts';
import { linksFiles, serializeLinksDay } from '../../scripts/lib/capture/links/store.ts';
import { buildArchive } from '../../src/lib/archive.ts';
import { currentCode, releases } from '../../src/lib/hub-links.ts';
import { ApiPaperLinks, LinkedRepo, LinksDay, PaperLinks } from '../../src/lib/schema.ts';
import { paperBuilder } from '../helpers/papers.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

const paper = paperBuilder({});
const answer = (id: string, extra: Record<string, unknown> = {}) => ApiPaperLinks.parse({ id, ...extra });

describe('what is kept of the hub’s answer', () => {
  it('keeps the counts and the five most used of each kind, with what a reader needs', () => {
    const models = Array.from({ length: 7 }, (_, i) => ({
      id: `org/model-${i}`,
      downloads: i * 100,
      likes: 7 - i,
      pipeline_tag: 'text-generation',
      private: false,
    }));
    const links = normalizeLinks(
      answer('2603.00001', {
        linkedModels: models,
        numTotalModels: 12,
        linkedSpaces: [
          { id: 'org/demo', likes: 3, emoji: '🚀', title: 'A  demo\n', sdk: 'gradio' },
          { id: 'org/popular', likes: 40, title: 'Popular' },
        ],
        numTotalSpaces: 2,
        githubRepo: 'https://github.com/a/b',
        githubStars: 321,
        projectPage: 'javascript:alert(1)',
      }),
      '2026-03-08T01:17:00.000Z',
    );
    expect(links.models).toEqual({
      total: 12,
      top: [6, 5, 4, 3, 2].map((i) => ({ id: `org/model-${i}`, downloads: i * 100, likes: 7 - i, task: 'text-generation' })),
    });
    expect(links.spaces!.top.map((s) => s.id)).toEqual(['org/popular', 'org/demo']);
    expect(links.spaces!.top[1]).toEqual({ id: 'org/demo', likes: 3, emoji: '🚀', title: 'A demo' });
    expect(links).toMatchObject({
      checkedAt: '2026-03-08T01:17:00.000Z',
      githubRepo: 'https://github.com/a/b',
      githubStars: 321,
      modelsSince: '2026-03-08T01:17:00.000Z',
    });
    // A link that is not http(s) is not kept; nothing is said of a kind nothing cites.
    expect(links).not.toHaveProperty('projectPage');
    expect(links).not.toHaveProperty('datasets');
  });

  it('counts a list longer than its count (or without one) by its length, and fills in missing fields as absent', () => {
    const links = normalizeLinks(
      answer('2603.00001', { linkedDatasets: [{ id: 'a/x' }, { id: 'a/y' }, { id: 'a/y' }], numTotalDatasets: 1 }),
      '2026-03-08T00:00:00.000Z',
    );
    expect(links.datasets).toEqual({ total: 2, top: [{ id: 'a/x' }, { id: 'a/y' }] });
    expect(normalizeLinks(answer('2603.00001', { linkedModels: [{ id: 'a/m' }] }), 'x').models).toEqual({ total: 1, top: [{ id: 'a/m' }] });
  });

  it('leaves out items with ids the hub could not have written, and keeps the paper', () => {
    const parsed = answer('2603.00001', {
      linkedModels: [
        { id: '"><script>alert(1)</script>/x' },
        { id: 'javascript:alert(1)' },
        { id: '../../etc/passwd' },
        { id: 'org/model/tree/main' },
        { id: 'ok/model', downloads: -5, likes: 2.7 },
        'not an object',
        { downloads: 3 },
      ],
      numTotalModels: 'many',
    });
    expect(normalizeLinks(parsed, 't').models).toEqual({ total: 1, top: [{ id: 'ok/model', likes: 2 }] });
    // Long text is cut to the schema's bounds, never inside a character.
    const long = normalizeLinks(answer('2603.00001', { linkedSpaces: [{ id: 'a/s', emoji: '👨‍👩‍👧‍👦👨‍👩‍👧‍👦', title: 'x'.repeat(300) }] }), 't').spaces!.top[0]!;
    expect(long.emoji).toBe('👨‍👩‍👧‍👦');
    expect(long.title).toHaveLength(200);
  });

  it('keeps each kind’s own fields, zero counts as zero, and ranks Spaces by likes, others by downloads then likes', () => {
    const item = { downloads: 50, likes: 0, pipeline_tag: 'image-to-text', emoji: '🤗', title: 'T' };
    const links = normalizeLinks(
      answer('2603.00001', {
        linkedModels: [
          { id: 'a/zero', downloads: 0, likes: 0 },
          { id: 'a/m', ...item },
        ],
        linkedDatasets: [
          { id: 'a/d2', downloads: 5, likes: 1 },
          { id: 'a/d1', downloads: 5, likes: 1 },
          { id: 'a/d3', downloads: 5, likes: 9 },
          { id: 'a/d', ...item },
        ],
        linkedSpaces: [
          { id: 'a/s-downloads', downloads: 900, likes: 1 },
          { id: 'a/s', ...item, likes: 2, title: 'Bell\u0007ringer' },
        ],
      }),
      't',
    );
    expect(links.models!.top).toEqual([
      { id: 'a/m', downloads: 50, likes: 0, task: 'image-to-text' },
      { id: 'a/zero', downloads: 0, likes: 0 },
    ]);
    expect(links.datasets!.top).toEqual([
      { id: 'a/d', downloads: 50, likes: 0 },
      { id: 'a/d3', downloads: 5, likes: 9 },
      { id: 'a/d1', downloads: 5, likes: 1 },
      { id: 'a/d2', downloads: 5, likes: 1 },
    ]);
    // A Space has no downloads on the hub's page; its likes rank it. Control characters become spaces.
    expect(links.spaces!.top).toEqual([
      { id: 'a/s', likes: 2, emoji: '🤗', title: 'Bell ringer' },
      { id: 'a/s-downloads', likes: 1 },
    ]);
  });

  it('is what the schema accepts in a links file: a hub id and bounded text', () => {
    expect(LinkedRepo.safeParse({ id: 'org/m', task: 'text-generation' }).success).toBe(true);
    expect(LinkedRepo.safeParse({ id: 'org/m', task: 't'.repeat(81) }).success).toBe(false);
    for (const id of ['org/m/extra', '-org/m', 'org', 'org/m?x=1']) expect(LinkedRepo.safeParse({ id }).success, id).toBe(false);
  });

  it('remembers when the first model appeared, across later checks, an unanswered ask, and models taken down', () => {
    const first = normalizeLinks(answer('2603.00001', { numTotalModels: 1, linkedModels: [{ id: 'a/m' }] }), '2026-03-08T00:00:00.000Z');
    const later = normalizeLinks(answer('2603.00001', { numTotalModels: 3, linkedModels: [{ id: 'a/m' }] }), '2026-03-15T00:00:00.000Z', first);
    expect(later.modelsSince).toBe('2026-03-08T00:00:00.000Z');
    // The hub answers with no model at all: they were taken down. The weights were out all the same.
    const down = normalizeLinks(answer('2603.00001', { numTotalModels: 0, linkedModels: [] }), '2026-05-01T00:00:00.000Z', later);
    expect(down).toMatchObject({ checkedAt: '2026-05-01T00:00:00.000Z', modelsSince: '2026-03-08T00:00:00.000Z' });
    expect(down).not.toHaveProperty('models');
    // Each answered check is kept as counts, oldest first: the paper's history on the hub.
    expect(down.checks).toEqual([
      { at: '2026-03-08T00:00:00.000Z', models: 1 },
      { at: '2026-03-15T00:00:00.000Z', models: 3 },
      { at: '2026-05-01T00:00:00.000Z' },
    ]);
    // An unanswered ask adds no check.
    expect(unansweredLinks(down, '2026-06-01T00:00:00.000Z', 'HTTP 503').checks).toEqual(down.checks);
  });

  it('starts the checks of a file from before they were kept with its last check, and keeps the first and the newest 59', () => {
    const old = PaperLinks.parse({
      checkedAt: '2026-03-08T00:00:00.000Z',
      spaces: { total: 2, top: [{ id: 'a/s' }] },
      githubRepo: 'https://github.com/a/b',
      githubStars: 5,
    });
    const next = normalizeLinks(
      answer('2603.00001', { numTotalSpaces: 3, linkedSpaces: [{ id: 'a/s' }], githubRepo: 'https://github.com/a/b', githubStars: 9 }),
      '2026-04-08T00:00:00.000Z',
      old,
    );
    expect(next.checks).toEqual([
      { at: '2026-03-08T00:00:00.000Z', spaces: 2, githubStars: 5 },
      { at: '2026-04-08T00:00:00.000Z', spaces: 3, githubStars: 9 },
    ]);
    let links = next;
    for (let i = 0; i < 70; i++) links = normalizeLinks(answer('2603.00001', { numTotalModels: i }), new Date(Date.UTC(2027, 0, 1 + i)).toISOString(), links);
    expect(links.checks).toHaveLength(60);
    expect(links.checks![0]!.at).toBe('2026-03-08T00:00:00.000Z');
    expect(links.checks!.at(-1)).toMatchObject({ at: '2027-03-11T00:00:00.000Z', models: 69 });
    expect(PaperLinks.safeParse(links).success).toBe(true);
  });

  it('keeps what was recorded of a kind the answer says nothing about: a field the hub stopped sending is not news', () => {
    const before = normalizeLinks(
      answer('2603.00001', {
        numTotalModels: 1,
        linkedModels: [{ id: 'a/m' }],
        numTotalSpaces: 1,
        linkedSpaces: [{ id: 'a/s' }],
        githubRepo: 'https://github.com/a/b',
        githubStars: 7,
        projectPage: 'https://a.example',
      }),
      '2026-03-08T00:00:00.000Z',
    );
    const silent = normalizeLinks(answer('2603.00001', { numTotalSpaces: 0, linkedSpaces: [] }), '2026-04-01T00:00:00.000Z', before);
    expect(silent).toEqual({
      checkedAt: '2026-04-01T00:00:00.000Z',
      models: { total: 1, top: [{ id: 'a/m' }] },
      githubRepo: 'https://github.com/a/b',
      githubStars: 7,
      projectPage: 'https://a.example',
      modelsSince: '2026-03-08T00:00:00.000Z',
      checks: [
        { at: '2026-03-08T00:00:00.000Z', models: 1, spaces: 1, githubStars: 7 },
        { at: '2026-04-01T00:00:00.000Z', models: 1, githubStars: 7 },
      ],
    });
    // A repository answered without its stars keeps the stars it had; another repository has none yet.
    expect(normalizeLinks(answer('2603.00001', { githubRepo: 'https://github.com/a/b' }), 't', before).githubStars).toBe(7);
    expect(normalizeLinks(answer('2603.00001', { githubRepo: 'https://github.com/c/d' }), 't', before)).not.toHaveProperty('githubStars');
  });

  it('marks an ask that got no answer beside what was recorded, counting them since the first', () => {
    const before = normalizeLinks(answer('2603.00001', { numTotalModels: 1, linkedModels: [{ id: 'a/m' }] }), '2026-03-08T00:00:00.000Z');
    const once = unansweredLinks(before, '2026-04-01T00:00:00.000Z', 'HTTP 404');
    expect(once).toEqual({ ...before, unanswered: { since: '2026-04-01T00:00:00.000Z', at: '2026-04-01T00:00:00.000Z', times: 1, problem: 'HTTP 404' } });
    expect(unansweredLinks(once, '2026-04-02T00:00:00.000Z', 'HTTP 503 after 5 attempts').unanswered).toEqual({
      since: '2026-04-01T00:00:00.000Z',
      at: '2026-04-02T00:00:00.000Z',
      times: 2,
      problem: 'HTTP 503 after 5 attempts',
    });
    // Never answered at all: only the mark, which the schema accepts; a record with neither is refused.
    expect(PaperLinks.parse(unansweredLinks(undefined, 't'.replace('t', '2026-04-01T00:00:00.000Z'), 'x'.repeat(400))).unanswered!.problem).toHaveLength(300);
    expect(PaperLinks.safeParse({ models: { total: 1, top: [] } }).error!.issues[0]!.message).toBe('neither checkedAt nor unanswered: no ask recorded');
  });
});

describe('the age schedule', () => {
  it('asks 1, 3, 7, 14, 30, 60, 120, 240 and 365 days after listing, then every year', () => {
    expect([0, 1, 2, 3, 6, 7, 13, 14, 29, 30, 59, 60, 119, 120, 239, 240, 364, 365, 729, 730].map(stage)).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
    ]);
    const listed = '2026-01-01';
    expect(dueOn({ id: 'x', listed })).toBe('2026-01-02');
    expect(dueOn({ id: 'x', listed, checkedAt: '2026-01-02T03:00:00.000Z' })).toBe('2026-01-04');
    // Asked late (on day 20): the next check is at 30 days, not at 7 or 14.
    expect(dueOn({ id: 'x', listed, checkedAt: '2026-01-21T00:00:00.000Z' })).toBe('2026-01-31');
    expect(dueOn({ id: 'x', listed, checkedAt: '2027-01-01T00:00:00.000Z' })).toBe('2028-01-01');
  });

  it('asks the scheduled papers first, the one due longest first, then history never asked, oldest first, within the budget', () => {
    const plan = planLinks(
      [
        { id: 'old-never', listed: '2024-01-10' },
        { id: 'older-never', listed: '2024-01-05' },
        { id: 'due-week', listed: '2026-02-20', checkedAt: '2026-02-23T00:00:00.000Z' },
        { id: 'due-long', listed: '2025-11-01', checkedAt: '2025-12-20T00:00:00.000Z' },
        { id: 'new', listed: '2026-02-28' },
        { id: 'not-due', listed: '2026-02-28', checkedAt: '2026-03-01T00:00:00.000Z' },
        { id: 'listed-today', listed: '2026-03-01' },
      ],
      '2026-03-01',
      4,
    );
    expect(plan.ask.map((c) => c.id)).toEqual(['due-long', 'due-week', 'new', 'older-never']);
    expect(plan.due).toBe(5);
  });

  it('breaks ties by id, whatever order the papers come in, and counts a paper listed 30 days ago as recent', () => {
    const today = '2026-03-31';
    const papers = [
      { id: 'h-b', listed: '2025-06-01' },
      { id: 'h-c', listed: '2025-05-01' },
      { id: 'h-a', listed: '2025-06-01' },
      { id: 's-b', listed: '2026-03-20', checkedAt: '2026-03-21T00:00:00.000Z' },
      { id: 'thirty', listed: '2026-03-01' },
      { id: 's-a', listed: '2026-03-20', checkedAt: '2026-03-21T00:00:00.000Z' },
      { id: 's-early', listed: '2026-03-10', checkedAt: '2026-03-11T00:00:00.000Z' },
    ];
    const expected = ['thirty', 's-early', 's-a', 's-b', 'h-c', 'h-a', 'h-b'];
    expect(planLinks(papers, today, 10).ask.map((c) => c.id)).toEqual(expected);
    expect(planLinks([...papers].reverse(), today, 10).ask.map((c) => c.id)).toEqual(expected);
  });
});

describe('the links capture, against a local hub', () => {
  let hub: FakeHub;
  let dir: string;
  let client: HttpClient;
  const archive = buildArchive(
    [
      { date: '2026-03-02', papers: [paper('2603.00001'), paper('2603.00002')] },
      { date: '2026-03-03', papers: [paper('2603.00003'), paper('hep-th/9901001')] },
    ],
    [],
  );
  const models = (n: number) => ({
    numTotalModels: n,
    linkedModels: Array.from({ length: Math.min(n, 3) }, (_, i) => ({ id: `lab/m${i}`, downloads: 10 - i })),
  });
  let answers: Record<string, unknown>;

  beforeEach(async () => {
    hub = await startHub();
    dir = path.join(await mkdtemp(path.join(tmpdir(), 'links-')), 'links');
    client = new HttpClient({ paceMs: 0, retries: 2, sleep: async () => {} });
    answers = {
      '2603.00001': models(2),
      '2603.00002': models(0),
      '2603.00003': {
        ...models(0),
        numTotalSpaces: 1,
        linkedSpaces: [{ id: 'lab/space', emoji: '<img src=x onerror=alert(1)>', title: '<script>alert(1)</script>' }],
      },
    };
    hub.handle((_req, res, url) => {
      const id = url.pathname.replace('/api/papers/', '');
      const body = answers[id];
      if (!body) return json(res, { error: 'Paper not found' }, 404);
      json(res, { id, title: 'x', ...body });
    });
  });
  afterEach(async () => {
    await client.close();
    await hub.close();
  });
  const run = (today: string, budget = 100, policy = new CapturePolicy()) =>
    captureLinks({ archive, dir, step: policy.step(client, budget), endpoint: hub.endpoint, now: () => new Date(`${today}T01:17:00.000Z`) });
  const links = async (date: string, id: string) => (await linksFiles.read(dir, date))!.papers[id]!;

  it('asks each due paper once, and writes one file per listing day', async () => {
    const summary = await run('2026-03-04');
    expect(hub.requests.sort()).toEqual(['/api/papers/2603.00001', '/api/papers/2603.00002', '/api/papers/2603.00003', '/api/papers/hep-th/9901001']);
    expect(summary).toMatchObject({ due: 4, asked: 4, answered: 3, missing: 1, failed: 0, remaining: 0, released: ['2603.00001'] });
    expect(await readdir(dir)).toEqual(['2026-03-02.json', '2026-03-03.json']);
    expect(await links('2026-03-02', '2603.00002')).toEqual({ checkedAt: '2026-03-04T01:17:00.000Z', checks: [{ at: '2026-03-04T01:17:00.000Z' }] });
    expect((await links('2026-03-02', '2603.00001')).models).toEqual({
      total: 2,
      top: [
        { id: 'lab/m0', downloads: 10 },
        { id: 'lab/m1', downloads: 9 },
      ],
    });
    // Hostile text is kept as text, for the pages to escape.
    expect((await links('2026-03-03', '2603.00003')).spaces!.top[0]!.title).toBe('<script>alert(1)</script>');
    expect(formatLinks(summary)).toBe('links: 4 asked (3 answered, 1 answered 404, 0 failed); 4 due; 1 newly with models');
  });

  it('does not ask again before a paper is due, and rewrites nothing then', async () => {
    await run('2026-03-04');
    const before = await stat(path.join(dir, '2026-03-02.json'));
    hub.requests.length = 0;
    // Later the same day (the next scheduled run): every paper was asked on its first day; the next check is on its third.
    const again = await run('2026-03-04');
    expect(again).toMatchObject({ due: 0, asked: 0 });
    expect(hub.requests).toEqual([]);
    expect((await stat(path.join(dir, '2026-03-02.json'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('keeps what was recorded when a paper answers 404, says since when, and asks again in a day, not a year', async () => {
    await run('2026-03-04');
    delete answers['2603.00001'];
    await run('2026-03-06');
    const kept = await links('2026-03-02', '2603.00001');
    expect(kept).toEqual({
      checkedAt: '2026-03-04T01:17:00.000Z',
      models: {
        total: 2,
        top: [
          { id: 'lab/m0', downloads: 10 },
          { id: 'lab/m1', downloads: 9 },
        ],
      },
      modelsSince: '2026-03-04T01:17:00.000Z',
      checks: [{ at: '2026-03-04T01:17:00.000Z', models: 2 }],
      unanswered: { since: '2026-03-06T01:17:00.000Z', at: '2026-03-06T01:17:00.000Z', times: 1, problem: 'HTTP 404' },
    });
    // Asked again the next day (not at its next age, two weeks on); still 404: the count grows, the record stays.
    hub.requests.length = 0;
    expect((await run('2026-03-07')).asked).toBe(1);
    expect(hub.requests).toEqual(['/api/papers/2603.00001']);
    expect((await links('2026-03-02', '2603.00001')).unanswered).toMatchObject({ since: '2026-03-06T01:17:00.000Z', at: '2026-03-07T01:17:00.000Z', times: 2 });
    // Back again: the answer replaces the record, and the marks of the missed asks go.
    answers['2603.00001'] = models(3);
    await run('2026-03-10');
    expect(await links('2026-03-02', '2603.00001')).toMatchObject({
      checkedAt: '2026-03-10T01:17:00.000Z',
      models: { total: 3 },
      modelsSince: '2026-03-04T01:17:00.000Z',
    });
    expect(await links('2026-03-02', '2603.00001')).not.toHaveProperty('unanswered');
  });

  it('keeps a paper released when its models are taken down: the models go, modelsSince stays', async () => {
    await run('2026-03-04');
    answers['2603.00001'] = models(0);
    await run('2026-03-06');
    const after = await links('2026-03-02', '2603.00001');
    expect(after).toEqual({
      checkedAt: '2026-03-06T01:17:00.000Z',
      modelsSince: '2026-03-04T01:17:00.000Z',
      checks: [{ at: '2026-03-04T01:17:00.000Z', models: 2 }, { at: '2026-03-06T01:17:00.000Z' }],
    });
  });

  it('gives one "released" per paper: a paper whose models grow between runs is released once', async () => {
    await run('2026-03-04');
    answers['2603.00001'] = models(5);
    answers['2603.00002'] = models(1);
    const later = await run('2026-03-06');
    expect(later.released).toEqual(['2603.00002']);
    const linksDays = [(await linksFiles.read(dir, '2026-03-02'))!, (await linksFiles.read(dir, '2026-03-03'))!];
    const withLinks = buildArchive(
      [
        { date: '2026-03-02', papers: [paper('2603.00001'), paper('2603.00002')] },
        { date: '2026-03-03', papers: [paper('2603.00003'), paper('hep-th/9901001')] },
      ],
      [],
      linksDays,
    );
    expect(releases(withLinks).map((r) => [r.record.paper.id, r.at])).toEqual([
      ['2603.00002', '2026-03-06T01:17:00.000Z'],
      ['2603.00001', '2026-03-04T01:17:00.000Z'],
    ]);
  });

  it('retries a 500 and waits out a 429 with a RateLimit header, then answers', async () => {
    let calls = 0;
    hub.handle((_req, res, url) => {
      calls++;
      if (calls === 1) return void res.writeHead(500).end('oops');
      if (calls === 2) return json(res, { error: 'slow down' }, 429, { ratelimit: '"api";r=0;t=1' });
      json(res, { id: url.pathname.replace('/api/papers/', ''), ...models(1) });
    });
    const summary = await run('2026-03-04', 3);
    expect(summary).toMatchObject({ asked: 1, answered: 1, failed: 0, due: 4, remaining: 3 });
    expect(calls).toBe(3);
  });

  it('counts every request against the budget, retries too, keeping what it asked; the rest is due next run', async () => {
    const first = await run('2026-03-04', 3);
    expect(first).toMatchObject({ asked: 3, remaining: 1, stopped: { reason: 'requests' } });
    hub.requests.length = 0;
    const next = await run('2026-03-04', 3);
    expect(next).toMatchObject({ due: 1, asked: 1 });
    expect(hub.requests).toHaveLength(1);
    // Each paper's server error is retried twice: a budget of 4 requests asks the first paper three times and the second once.
    hub.handle((_req, res) => void res.writeHead(503).end('busy'));
    hub.requests.length = 0;
    const storm = await run('2026-03-05', 4);
    expect(hub.requests).toHaveLength(4);
    expect(storm).toMatchObject({ asked: 1, failed: 1, stopped: { reason: 'requests' } });
  });

  it('stops the whole run in a 503 storm after three papers, keeping every record, and marks them to be asked again soon', async () => {
    await run('2026-03-04');
    const before = await readFile(path.join(dir, '2026-03-02.json'), 'utf8');
    hub.handle((_req, res) => void res.writeHead(503).end('busy'));
    hub.requests.length = 0;
    const policy = new CapturePolicy();
    const summary = await run('2026-03-20', 100, policy);
    expect(summary).toMatchObject({ asked: 3, failed: 3, stopped: { reason: 'failing' } });
    expect(policy.stopped?.detail).toMatch(
      /^the hub answered 3 requests in a row with a server error \(http:\/\/127\.0\.0\.1:\d+\/api\/papers\/\S+ HTTP 503 after 3 attempts\)$/,
    );
    // Three papers, each tried three times (one and two retries), then no more.
    expect(hub.requests).toHaveLength(9);
    const after = JSON.parse(await readFile(path.join(dir, '2026-03-02.json'), 'utf8'));
    expect(after.papers['2603.00001'].models).toEqual(JSON.parse(before).papers['2603.00001'].models);
    expect(after.papers['2603.00001'].unanswered).toEqual({
      since: '2026-03-20T01:17:00.000Z',
      at: '2026-03-20T01:17:00.000Z',
      times: 1,
      problem: 'HTTP 503 after 3 attempts',
    });
  });

  it('stops asking when the hub answers 429 past its limit, and says so', async () => {
    hub.handle((_req, res) => json(res, { error: 'slow down' }, 429, { 'retry-after': '86400' }));
    const summary = await run('2026-03-04');
    expect(summary).toMatchObject({ asked: 1, failed: 1, stopped: { reason: 'refused' } });
    expect(summary.stopped!.detail).toContain('rate limited (429), asked to wait 86400 s');
    expect(await readdir(dir).catch(() => [])).toEqual([]);
  });

  it('stops after ten 404s in a row: a wrong endpoint does not mark the whole budget', async () => {
    const many = buildArchive([{ date: '2026-03-02', papers: Array.from({ length: 15 }, (_, i) => paper(`2603.${String(10000 + i)}`)) }], []);
    hub.handle((_req, res) => json(res, { error: 'Not found' }, 404));
    const policy = new CapturePolicy();
    const summary = await captureLinks({
      archive: many,
      dir,
      step: policy.step(client, 100),
      endpoint: hub.endpoint,
      now: () => new Date('2026-03-04T01:17:00Z'),
    });
    expect(summary).toMatchObject({ asked: 10, missing: 10, stopped: { reason: 'not-found' } });
    expect(policy.stopped!.detail).toMatch(/^the hub answered 10 requests in a row with 404 \(is HF_ENDPOINT right\?\)/);
  });

  it('names the paper, the URL and the problem of an answer it cannot read, and keeps asking the others', async () => {
    hub.handle((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"id": "2603.0'));
    const summary = await run('2026-03-04', 1);
    expect(summary.errors).toHaveLength(1);
    expect(summary.errors[0]).toMatch(/^2603\.00001: http:\/\/127\.0\.0\.1:\d+\/api\/papers\/2603\.00001 returned a body that is not valid JSON \(14 bytes\)$/);
    hub.handle((_req, res) => json(res, { id: '2603.99999' }));
    expect((await run('2026-03-04', 1)).errors[0]).toContain('answered for another paper, 2603.99999');
  });

  it('moves a paper to its first listed day, writing the new place before leaving the old', async () => {
    // Found first under 3 March, before the archive held its earlier listing of 2 March.
    const found = { checkedAt: '2026-03-03T01:00:00.000Z', modelsSince: '2026-03-03T01:00:00.000Z', models: { total: 1, top: [{ id: 'lab/m0' }] } };
    await linksFiles.write(dir, { date: '2026-03-03', papers: { '2603.00001': found } });
    // The write that would leave the old place fails: the paper is then in both, never in neither.
    const calls: string[] = [];
    const real = linksFiles.write.bind(linksFiles);
    const spy = vi.spyOn(linksFiles, 'write').mockImplementation(async (dir_, day, current, hooks) => {
      calls.push(`${day.date}:${'2603.00001' in day.papers ? 'with' : 'without'}`);
      if (day.date === '2026-03-03' && !('2603.00001' in day.papers)) throw new Error('disk full');
      return real(dir_, day, current, hooks);
    });
    try {
      await expect(run('2026-03-05')).rejects.toThrow('disk full');
    } finally {
      spy.mockRestore();
    }
    expect(calls.indexOf('2026-03-02:with')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('2026-03-02:with')).toBeLessThan(calls.indexOf('2026-03-03:without'));
    expect((await links('2026-03-02', '2603.00001')).modelsSince).toBe('2026-03-03T01:00:00.000Z');
    expect((await links('2026-03-03', '2603.00001')).modelsSince).toBe('2026-03-03T01:00:00.000Z');
    // The next run finishes the move.
    await run('2026-03-09');
    expect((await linksFiles.read(dir, '2026-03-03'))!.papers).not.toHaveProperty('2603.00001');
    expect((await links('2026-03-02', '2603.00001')).modelsSince).toBe('2026-03-03T01:00:00.000Z');
  });

  it('writes files the schema reads back, byte for byte the same when read and written again', async () => {
    await run('2026-03-04');
    const text = await readFile(path.join(dir, '2026-03-02.json'), 'utf8');
    expect(serializeLinksDay(LinksDay.parse(JSON.parse(text)))).toBe(text);
  });
});

describe('the code a paper page shows', () => {
  it('comes from the newest look at the hub: the listing, or a later links check', () => {
    const record = buildArchive(
      [
        {
          date: '2026-03-02',
          papers: [paper('2603.00001', { githubRepo: 'https://github.com/a/old', githubStars: 5, lastSeenAt: '2026-03-02T00:00:00.000Z' })],
        },
      ],
      [],
    ).papers.get('2603.00001')!;
    expect(currentCode(record)).toEqual({ githubRepo: 'https://github.com/a/old', githubStars: 5 });
    record.links = { checkedAt: '2026-04-01T00:00:00.000Z', githubRepo: 'https://github.com/a/new', githubStars: 900 };
    expect(currentCode(record)).toEqual({ githubRepo: 'https://github.com/a/new', githubStars: 900 });
    record.links = { checkedAt: '2026-04-01T00:00:00.000Z', none: true };
    expect(currentCode(record)).toEqual({ githubRepo: 'https://github.com/a/old', githubStars: 5 });
    // Never answered: the listing's.
    record.links = { unanswered: { since: '2026-04-01T00:00:00.000Z', at: '2026-04-01T00:00:00.000Z', times: 1, problem: 'HTTP 404' } };
    expect(currentCode(record)).toEqual({ githubRepo: 'https://github.com/a/old', githubStars: 5 });
  });

  it('keeps old-style ids’ slash in the API address', () => {
    expect(paperApiUrl('http://127.0.0.1:9', 'hep-th/9901001')).toBe('http://127.0.0.1:9/api/papers/hep-th/9901001');
  });
});
