import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HttpClient } from '../../scripts/lib/capture/http.ts';
import { apiUrl, fetchDailyPapers, htmlUrl, ListingError, parseApiBody, parseListingHtml } from '../../scripts/lib/capture/days/hub.ts';
import { apiItem, manyItems } from '../helpers/items.ts';
import { json, listingHandler, startHub, type FakeHub } from '../helpers/server.ts';
import { describeShared, sharedPath } from '../helpers/shared.ts';

let hub: FakeHub;
let client: HttpClient;
beforeEach(async () => {
  hub = await startHub();
  client = new HttpClient({ paceMs: 0, retries: 1, sleep: async () => {} });
});
afterEach(async () => {
  await client.close();
  await hub.close();
});

describe('fetchDailyPapers', () => {
  it('pages past the 50-item default so a busy day is not cut off', async () => {
    hub.handle(listingHandler({ '2026-05-12': manyItems(123, '2026-05-12') }));
    const listing = await fetchDailyPapers(client, hub.endpoint, '2026-05-12');
    expect(listing.items).toHaveLength(123);
    expect(new Set(listing.items.map((item) => item.paper.id)).size).toBe(123);
    expect(hub.requests).toEqual([
      '/api/daily_papers?date=2026-05-12&limit=50&p=0',
      '/api/daily_papers?date=2026-05-12&limit=50&p=1',
      '/api/daily_papers?date=2026-05-12&limit=50&p=2',
    ]);
  });

  it('stops paging when a day has exactly 50 and the next page is empty', async () => {
    hub.handle(listingHandler({ '2026-05-12': manyItems(50, '2026-05-12') }));
    const listing = await fetchDailyPapers(client, hub.endpoint, '2026-05-12');
    expect(listing.items).toHaveLength(50);
    expect(hub.requests).toHaveLength(2);
  });

  it('stops when a server ignores the page parameter instead of looping', async () => {
    hub.handle((_req, res) => json(res, manyItems(50)));
    const listing = await fetchDailyPapers(client, hub.endpoint, '2026-03-06');
    expect(listing.items).toHaveLength(50);
    expect(hub.requests).toHaveLength(2);
  });

  it('stops after 40 pages even when every page brings 50 new papers', async () => {
    hub.handle((_req, res, url) => {
      const page = Number(url.searchParams.get('p'));
      json(
        res,
        Array.from({ length: 50 }, (_, i) => apiItem({ id: `2603.${String(10000 + page * 50 + i)}` })),
      );
    });
    const listing = await fetchDailyPapers(client, hub.endpoint, '2026-03-06');
    expect(hub.requests).toHaveLength(40);
    expect(listing.items).toHaveLength(2000);
  });

  it('returns no items for a weekend', async () => {
    hub.handle(listingHandler({}));
    const listing = await fetchDailyPapers(client, hub.endpoint, '2026-03-07');
    expect(listing).toMatchObject({ items: [], source: 'api' });
  });

  it('names the date, the URL and the problem when the API and the fallback both return an HTML error page', async () => {
    hub.handle((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><h1>Something went wrong</h1>'));
    const error = (await fetchDailyPapers(client, hub.endpoint, '2026-03-06').catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `2026-03-06: ${hub.endpoint}/api/daily_papers?date=2026-03-06&limit=50&p=0 returned HTML, not JSON; ` +
        `HTML fallback failed too: ${hub.endpoint}/papers/date/2026-03-06 has no DailyPapers element (the page layout changed?)`,
    );
    expect(error.message).not.toContain('\n');
  });

  it('reports a truncated JSON body', async () => {
    hub.handle((_req, res, url) =>
      url.pathname.startsWith('/api') ? res.writeHead(200, { 'content-type': 'application/json' }).end('[{"paper": {"id": "2603.0') : res.writeHead(503).end(),
    );
    await expect(fetchDailyPapers(client, hub.endpoint, '2026-03-06')).rejects.toThrow(/p=0 returned a body that is not valid JSON .*truncated\?/);
  });

  it('reports a changed schema with the field that broke', async () => {
    const item = apiItem({ id: '2603.00001' });
    (item.paper as Record<string, unknown>).id = 2603.00001;
    hub.handle((_req, res, url) => (url.pathname.startsWith('/api') ? json(res, [item]) : res.writeHead(404).end()));
    await expect(fetchDailyPapers(client, hub.endpoint, '2026-03-06')).rejects.toThrow(/\[0\]\.paper\.id: Invalid input: expected string/);
  });

  it('does not fall back on a 400 (invalid or future date)', async () => {
    hub.handle((_req, res) => res.writeHead(400).end('{"error":"Invalid date"}'));
    await expect(fetchDailyPapers(client, hub.endpoint, '2026-03-06')).rejects.toThrow('HTTP 400');
    expect(hub.requests).toHaveLength(1);
  });

  it('never falls back to the HTML page on a 429: that page is rate limited the same way', async () => {
    hub.handle((_req, res) => json(res, { error: 'slow down' }, 429, { ratelimit: '"api";r=0;t=1' }));
    const error = (await fetchDailyPapers(client, hub.endpoint, '2026-03-06').catch((e: unknown) => e)) as ListingError;
    expect(error).toBeInstanceOf(ListingError);
    expect(error).toMatchObject({
      date: '2026-03-06',
      url: `${hub.endpoint}/api/daily_papers?date=2026-03-06&limit=50&p=0`,
      problem: 'rate limited (429) after 2 attempts',
    });
    expect(error.message).toBe(`2026-03-06: ${error.url} rate limited (429) after 2 attempts`);
    expect(hub.requests.every((r) => r.startsWith('/api/'))).toBe(true);
    hub.requests.length = 0;
    hub.handle((_req, res) => json(res, {}, 429, { 'retry-after': '86400' }));
    await expect(fetchDailyPapers(client, hub.endpoint, '2026-03-06')).rejects.toThrow('asked to wait 86400 s');
    expect(hub.requests).toEqual(['/api/daily_papers?date=2026-03-06&limit=50&p=0']);
  });

  it('does not try the HTML page on the same host when the API cannot be reached at all', async () => {
    await hub.close();
    const error = (await fetchDailyPapers(client, hub.endpoint, '2026-03-06').catch((e: unknown) => e)) as ListingError;
    expect(error).toBeInstanceOf(ListingError);
    expect(error.url).toBe(`${hub.endpoint}/api/daily_papers?date=2026-03-06&limit=50&p=0`);
    expect(error.problem).toMatch(/^network error: ECONNREFUSED: .* after 2 attempts$/);
    expect(error.message).not.toContain('HTML fallback');
    expect(error.cause).toMatchObject({ kind: 'network' });
  });

  it('falls back to the HTML listing when the API keeps failing', async () => {
    const props = JSON.stringify({ date: '2026-03-06T00:00:00.000Z', dailyPapers: [apiItem({ id: '2603.00042' })] });
    const page = `<html><body><div class="SVELTE_HYDRATER contents" data-target="DailyPapers" data-props="${props.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></div></body></html>`;
    hub.handle((_req, res, url) =>
      url.pathname.startsWith('/api') ? res.writeHead(500).end() : res.writeHead(200, { 'content-type': 'text/html' }).end(page),
    );
    const listing = await fetchDailyPapers(client, hub.endpoint, '2026-03-06');
    expect(listing.source).toBe('html');
    expect(listing.items.map((item) => item.paper.id)).toEqual(['2603.00042']);
  });
});

describe('the hub URLs', () => {
  it('ask for one page of 50 of a date, and the HTML page of the date', () => {
    expect(apiUrl('https://hub.example', '2026-03-06', 2)).toBe('https://hub.example/api/daily_papers?date=2026-03-06&limit=50&p=2');
    expect(htmlUrl('https://hub.example/', '2026-03-06')).toBe('https://hub.example/papers/date/2026-03-06');
  });
});

describe('parseListingHtml', () => {
  const page = (props: unknown) =>
    `<div data-target="DailyPapers" data-props="${JSON.stringify(props).replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"></div>`;
  it('says what is wrong with a page it cannot read', () => {
    expect(() => parseListingHtml('<html></html>')).toThrow('has no DailyPapers element');
    expect(() => parseListingHtml('<div data-target="DailyPapers" data-props="{nope"></div>')).toThrow('has DailyPapers data that is not valid JSON');
    expect(() => parseListingHtml(page({ papers: [] }))).toThrow('has DailyPapers data without a dailyPapers list');
    expect(() => parseListingHtml(page({ dailyPapers: [{ paper: { id: 5 } }] }))).toThrow(/has papers that do not match the expected format: \[0\]\.paper\.id/);
    expect(parseListingHtml(page({ dailyPapers: [] }))).toEqual([]);
  });
});

describe('parseApiBody', () => {
  it('reads a JSON body whose text holds a "<" (markup in an abstract is data, not an HTML page)', () => {
    const [item] = parseApiBody(JSON.stringify([apiItem({ id: '2603.00001', abstract: 'We beat <b>all</b> baselines.' })]));
    expect(item?.paper.summary).toBe('We beat <b>all</b> baselines.');
  });
  it('recognises an HTML body by its content type or its first character', () => {
    expect(() => parseApiBody('[]', 'text/html; charset=utf-8')).toThrow('returned HTML, not JSON');
    expect(() => parseApiBody('  <!doctype html>')).toThrow('returned HTML, not JSON');
    expect(parseApiBody(' []', 'application/json')).toEqual([]);
  });
  it('keeps arXiv ids as strings and drops unknown fields', () => {
    const [item] = parseApiBody(JSON.stringify([{ ...apiItem({ id: '2503.02130' }), brandNewField: 1 }]));
    expect(item?.paper.id).toBe('2503.02130');
    expect(item).not.toHaveProperty('brandNewField');
  });
  it('refuses JSON that is not a list', () => {
    expect(() => parseApiBody('{"error":"x"}')).toThrow(new Error('returned JSON that is not a list of papers (the format changed?)'));
  });
  it('says what is wrong with a recorded file in a file’s words, not a response’s', () => {
    const bad = apiItem({ id: '2603.00001' });
    (bad.paper as Record<string, unknown>).upvotes = -1;
    expect(() => parseApiBody('<html>', 'application/json', 'file')).toThrow(new Error('is HTML, not JSON'));
    expect(() => parseApiBody('[{"paper": ', 'application/json', 'file')).toThrow(new Error('is not valid JSON (11 bytes, truncated?)'));
    expect(() => parseApiBody('{}', 'application/json', 'file')).toThrow(new Error('holds JSON that is not a list of papers (the format changed?)'));
    expect(() => parseApiBody(JSON.stringify([bad]), 'application/json', 'file')).toThrow(
      /^holds papers that do not match the expected format: \[0\]\.paper\.upvotes/,
    );
    expect(() => parseApiBody(JSON.stringify([bad]))).toThrow(/^returned papers that do not match the expected format: \[0\]\.paper\.upvotes/);
    expect(() => parseApiBody('[{"paper": ')).toThrow(new Error('returned a body that is not valid JSON (11 bytes, truncated?)'));
  });
});

describeShared('real recorded hub data', () => {
  it('parses every recorded API day', async () => {
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(sharedPath('daily_papers'))) {
      const items = parseApiBody(readFileSync(sharedPath('daily_papers', name), 'utf8'));
      expect(items.length, name).toBeGreaterThan(0);
    }
  });

  it('reads the listing embedded in the real HTML page', () => {
    const items = parseListingHtml(readFileSync(sharedPath('html', 'papers-2024-08-01.html'), 'utf8'));
    expect(items).toHaveLength(13);
    expect(items[0]?.paper.id).toMatch(/^\d{4}\.\d{5}$/);
    // The page was captured later than the API day of the same date, so it holds all of its papers.
    const api = parseApiBody(readFileSync(sharedPath('daily_papers', '2024-08-01.json'), 'utf8'));
    const html = new Set(items.map((item) => item.paper.id));
    expect(api.every((item) => html.has(item.paper.id))).toBe(true);
  });

  it('serves the real HTML page as the fallback end to end', async () => {
    const page = readFileSync(sharedPath('html', 'papers-2024-08-01.html'), 'utf8');
    hub.handle((_req, res, url) =>
      url.pathname === '/papers/date/2024-08-01' ? res.writeHead(200, { 'content-type': 'text/html' }).end(page) : res.writeHead(502).end(),
    );
    const listing = await fetchDailyPapers(client, hub.endpoint, '2024-08-01');
    expect(listing).toMatchObject({ source: 'html' });
    expect(listing.items).toHaveLength(13);
  });
});
