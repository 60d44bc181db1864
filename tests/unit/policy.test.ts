// The one stop policy every capture runs under (scripts/lib/capture/policy.ts), against a real
// HTTP server on 127.0.0.1: what counts as a request, when the run stops, and that a stopped run
// keeps what it captured and says what is left.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { networkSources, planDays, runCapture } from '../../scripts/lib/capture/days/capture.ts';
import { dayFiles } from '../../scripts/lib/capture/days/store.ts';
import { HttpClient } from '../../scripts/lib/capture/http.ts';
import { parseSnapshotArgs } from '../../scripts/lib/capture/options.ts';
import { CapturePolicy, CaptureStopped, isHubTrouble, LIMITS } from '../../scripts/lib/capture/policy.ts';
import { stopLine } from '../../scripts/lib/capture/report.ts';
import { listDates } from '../../scripts/lib/capture/store.ts';
import { dateRange } from '../../src/lib/dates.ts';
import { apiItem } from '../helpers/items.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

let hub: FakeHub;
let client: HttpClient;
let dir: string;
beforeEach(async () => {
  hub = await startHub();
  client = new HttpClient({ paceMs: 0, retries: 2, baseDelayMs: 1, maxDelayMs: 2, maxRetryAfterMs: 5_000, sleep: async () => {} });
  dir = await mkdtemp(path.join(tmpdir(), 'policy-'));
});
afterEach(async () => {
  await client.close();
  await hub.close();
});
const url = (n = 0) => `${hub.endpoint}/api/papers/2603.${String(10000 + n)}`;
const stopOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CaptureStopped);
  return (error as CaptureStopped).stop;
};

describe('a step’s allowance', () => {
  it('counts every attempt, retries included, and makes none past it', async () => {
    hub.handle((_req, res) => void res.writeHead(503).end('busy'));
    const step = new CapturePolicy().step(client, 4);
    // Three attempts (the first and two retries), then the fourth on the next request, then none.
    await expect(step.get(url())).rejects.toThrow('HTTP 503 after 3 attempts');
    expect(await stopOf(step.get(url(1)))).toEqual({ reason: 'requests', detail: 'the step’s 4 requests are spent' });
    expect(hub.requests).toHaveLength(4);
    expect(step.requests).toBe(4);
    expect(step.stop).toEqual({ reason: 'requests', detail: 'the step’s 4 requests are spent' });
  });

  it('is the step’s own: another step of the run goes on', async () => {
    hub.handle((_req, res) => json(res, { ok: true }));
    const policy = new CapturePolicy();
    const links = policy.step(client, 1);
    const days = policy.step(client);
    await links.get(url());
    expect(links.stop?.reason).toBe('requests');
    await days.get(url(1));
    expect(days.stop).toBeUndefined();
    expect(policy.requests).toBe(2);
  });
});

describe('the run stops, for every step, when the hub is in trouble', () => {
  it(`after ${LIMITS.failing} requests in a row answered with a server error, however many retries each had`, async () => {
    let calls = 0;
    hub.handle((_req, res) => (calls++ === 8 ? json(res, {}) : void res.writeHead(503).end('busy')));
    const policy = new CapturePolicy();
    const step = policy.step(client);
    // Two requests fail after their retries; the third succeeds on its third attempt: an answer ends the run of errors.
    await expect(step.get(url(0))).rejects.toThrow('HTTP 503 after 3 attempts');
    await expect(step.get(url(1))).rejects.toThrow('HTTP 503 after 3 attempts');
    await step.get(url(2));
    expect(policy.stopped).toBeUndefined();
    for (let i = 1; i <= LIMITS.failing; i++) await expect(step.get(url(i))).rejects.toThrow('HTTP 503');
    expect(policy.stopped).toBeDefined();
    expect(policy.stopped!.reason).toBe('failing');
    expect(policy.stopped!.detail).toBe(`the hub answered 3 requests in a row with a server error (${url(3)} HTTP 503 after 3 attempts)`);
    expect(isHubTrouble(policy.stopped)).toBe(true);
    // Every other step of the run stops too, before asking anything.
    const before = hub.requests.length;
    expect((await stopOf(policy.step(client, 100).get(url(9)))).reason).toBe('failing');
    expect(hub.requests).toHaveLength(before);
  });

  it('when a 429 asks to wait longer than the run may, at once', async () => {
    hub.handle((_req, res) => json(res, { error: 'slow down' }, 429, { 'retry-after': '3600' }));
    const policy = new CapturePolicy();
    await expect(policy.step(client).get(url())).rejects.toThrow('rate limited (429), asked to wait 3600 s');
    expect(policy.stopped).toEqual({
      reason: 'refused',
      detail: `the hub refused the run’s requests (${url()} rate limited (429), asked to wait 3600 s, more than the 5 s allowed)`,
    });
    expect(hub.requests).toHaveLength(1);
  });

  it('when 429s go on past the retries', async () => {
    hub.handle((_req, res) => json(res, { error: 'slow down' }, 429, { 'retry-after': '1' }));
    const policy = new CapturePolicy();
    await expect(policy.step(client).get(url())).rejects.toThrow('rate limited (429) after 3 attempts');
    expect(policy.stopped?.reason).toBe('refused');
  });

  it(`after ${LIMITS.unreachable} requests in a row that could not connect; any answer in between shows the hub is there`, async () => {
    let calls = 0;
    hub.handle((req, res) => (calls++ === 3 ? json(res, { error: 'x' }, 404) : void req.socket.destroy()));
    const policy = new CapturePolicy();
    const step = policy.step(client);
    await expect(step.get(url(0))).rejects.toThrow(/network error/);
    // The second request's first attempt is cut, its second answered 404: an answer.
    await expect(step.get(url(1))).rejects.toThrow('HTTP 404');
    for (let i = 2; i < 2 + LIMITS.unreachable; i++) await expect(step.get(url(i))).rejects.toThrow(/network error/);
    expect(policy.stopped?.reason).toBe('unreachable');
    expect(policy.stopped?.detail).toMatch(
      /^the hub could not be reached, 3 requests in a row \(http:\/\/127\.0\.0\.1:\d+\/api\/papers\/2603\.10004 network error: /,
    );
  });

  it(`after ${LIMITS.notFound} requests in a row answered 404: an endpoint that moved, not news`, async () => {
    hub.handle((_req, res) => json(res, { error: 'Not found' }, 404));
    const policy = new CapturePolicy();
    const step = policy.step(client);
    for (let i = 0; i < LIMITS.notFound - 1; i++) await expect(step.get(url(i))).rejects.toThrow('HTTP 404');
    expect(policy.stopped).toBeUndefined();
    await expect(step.get(url(99))).rejects.toThrow('HTTP 404');
    expect(policy.stopped?.reason).toBe('not-found');
  });

  it('not for a request the hub refuses as wrong (400), which says nothing about the hub', async () => {
    hub.handle((_req, res) => json(res, { error: 'bad date' }, 400));
    const policy = new CapturePolicy();
    for (let i = 0; i < 12; i++) await expect(policy.step(client).get(url(i))).rejects.toThrow('HTTP 400');
    expect(policy.stopped).toBeUndefined();
  });
});

describe('the time budget', () => {
  it('starts no new work past the deadline, and lets no retry wait past its grace', async () => {
    let now = 1_000;
    const policy = new CapturePolicy({ deadline: 2_000, graceMs: 0, now: () => now });
    const step = policy.step(client);
    hub.handle((_req, res) => json(res, {}));
    await step.get(url());
    now = 2_000;
    expect(step.stop).toEqual({ reason: 'time', detail: 'the run’s time budget is spent' });
    expect(isHubTrouble(step.stop)).toBe(false);
    expect((await stopOf(step.get(url(1)))).reason).toBe('time');
    // A request already under way gives up rather than wait past the deadline and its grace.
    const late = new CapturePolicy({ deadline: Date.now() - 1, graceMs: 0 });
    const slow = new HttpClient({ paceMs: 0, retries: 3, baseDelayMs: 60_000, maxDelayMs: 60_000, random: () => 1 });
    hub.handle((_req, res) => void res.writeHead(500).end());
    try {
      const request = late.step(slow);
      // The step itself refuses to start once the deadline is past; made before it, the retry would not wait.
      expect((await stopOf(request.get(url(2)))).reason).toBe('time');
      const started = new CapturePolicy({ deadline: Date.now() + 50, graceMs: 0 }).step(slow);
      await expect(started.get(url(3))).rejects.toThrow("HTTP 500 after 1 attempts; not retried: the run's time budget ends first");
    } finally {
      await slow.close();
    }
  });
});

describe('the day capture under the policy', () => {
  const listings = (dates: readonly string[]) =>
    Object.fromEntries(dates.map((date) => [date, [apiItem({ id: `${date.slice(2, 4)}${date.slice(5, 7)}.${date.slice(8)}001`, date })]]));
  const plan = (from: string, to: string) => planDays(parseSnapshotArgs(['--from', from, '--to', to], new Date('2026-03-14T00:00:00Z')), new Set(), new Set());

  it('stops after the hub cannot be reached three times, keeps what it captured, and leaves the rest', async () => {
    const dates = dateRange('2026-03-02', '2026-03-13');
    const byDate = listings(dates);
    let answered = 0;
    hub.handle((req, res, u) => {
      if (answered++ >= 2) return void req.socket.destroy();
      json(res, byDate[u.searchParams.get('date')!] ?? []);
    });
    const policy = new CapturePolicy();
    const step = policy.step(client);
    const summary = await runCapture(networkSources(plan('2026-03-02', '2026-03-13'), step, hub.endpoint), dir, { step });
    expect(summary.days.map((d) => d.status)).toEqual(['written', 'written', 'failed', 'failed', 'failed']);
    expect(summary.stopped?.reason).toBe('unreachable');
    expect(summary.remaining).toEqual(dates.slice(5));
    expect(await listDates(dir)).toEqual(['2026-03-02', '2026-03-03']);
    // Each unreachable day asked the API and its retries, and not the HTML page on the same host.
    expect(hub.requests.filter((r) => r.startsWith('/papers/'))).toEqual([]);
    expect(stopLine({ ...summary, stop: policy.stopped! })).toMatch(
      /^stopped: the hub could not be reached, 3 requests in a row \(.*\); everything captured is kept, 7 days left for the next run$/,
    );
  });

  it('stops in a 503 storm, the API and its HTML fallback both failing, without touching a day file', async () => {
    await dayFiles.write(dir, { date: '2026-03-02', papers: [] });
    hub.handle((_req, res) => void res.writeHead(503).end('busy'));
    const policy = new CapturePolicy();
    const step = policy.step(client);
    const summary = await runCapture(networkSources(plan('2026-03-02', '2026-03-06'), step, hub.endpoint), dir, { step });
    // The first day: the API and the HTML page fail; the second day's API request makes three in a row.
    expect(summary.days.map((d) => [d.date, d.status])).toEqual([['2026-03-02', 'failed']]);
    expect(summary.days[0]!.error).toMatch(/HTTP 503 after 3 attempts; HTML fallback failed too: .*\/papers\/date\/2026-03-02 HTTP 503 after 3 attempts$/);
    expect(summary).toMatchObject({ stopped: { reason: 'failing' }, remaining: ['2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06'] });
    expect((await dayFiles.read(dir, '2026-03-02'))!.papers).toEqual([]);
  });
});
