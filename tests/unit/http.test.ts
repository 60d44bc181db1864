import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backoffMs, HttpClient, HttpError, retryAfterMs } from '../../scripts/lib/capture/http.ts';
import { json, startHub, type FakeHub } from '../helpers/server.ts';

let hub: FakeHub;
let client: HttpClient;
const waits: number[] = [];

beforeEach(async () => {
  hub = await startHub();
  waits.length = 0;
  // Sleeps are recorded, not slept, so backoff and Retry-After are asserted exactly and fast.
  client = new HttpClient({
    paceMs: 0,
    retries: 3,
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    headersTimeoutMs: 300,
    bodyTimeoutMs: 300,
    deadlineMs: 2_000,
  });
});
afterEach(async () => {
  await client.close();
  await hub.close();
});

describe('retryAfterMs', () => {
  it('reads seconds, HTTP dates and the RateLimit t= value, taking the longest', () => {
    expect(retryAfterMs({ 'retry-after': '7' })).toBe(7000);
    expect(retryAfterMs({ ratelimit: '"api";r=0;t=42' })).toBe(42_000);
    expect(retryAfterMs({ 'retry-after': '5', ratelimit: '"api";r=0;t=12' })).toBe(12_000);
    expect(retryAfterMs({ 'retry-after': new Date(10_000 + 30_000).toUTCString() }, 10_000)).toBe(30_000);
    expect(retryAfterMs({})).toBeUndefined();
  });
});

describe('backoffMs', () => {
  it('grows exponentially, is capped, and is jittered over the whole range', () => {
    const options = { baseDelayMs: 1000, maxDelayMs: 8000 };
    expect(backoffMs(0, { ...options, random: () => 0.999 })).toBe(999);
    expect(backoffMs(2, { ...options, random: () => 0.5 })).toBe(2000);
    expect(backoffMs(10, { ...options, random: () => 0.5 })).toBe(4000);
    expect(backoffMs(3, { ...options, random: () => 0 })).toBe(0);
  });
});

describe('HttpClient.get', () => {
  it('retries a 429 after the wait its Retry-After and RateLimit headers ask for, then succeeds', async () => {
    let calls = 0;
    hub.handle((_req, res) => {
      if (calls++ === 0) return json(res, { error: 'slow down' }, 429, { 'retry-after': '3', ratelimit: '"api";r=0;t=9' });
      json(res, []);
    });
    const response = await client.get(`${hub.endpoint}/api/daily_papers?date=2026-03-06`);
    expect(response.body).toBe('[]');
    expect(waits).toEqual([9000]);
    expect(hub.requests).toHaveLength(2);
  });

  it('fails clearly, without waiting, when a 429 asks for longer than the bound', async () => {
    hub.handle((_req, res) => json(res, {}, 429, { ratelimit: '"api";r=0;t=3600' }));
    const error = await client.get(`${hub.endpoint}/x`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).message).toMatch(/rate limited \(429\), asked to wait 3600 s/);
    expect(waits).toEqual([]);
  });

  it('retries a 5xx with jittered backoff, then succeeds', async () => {
    let calls = 0;
    hub.handle((_req, res) => (calls++ < 2 ? res.writeHead(503).end('busy') : json(res, [1])));
    const response = await client.get(`${hub.endpoint}/x`);
    expect(response.body).toBe('[1]');
    expect(waits).toEqual([500, 1000]);
  });

  it('gives up on a 5xx after the retries, naming the status and the attempts', async () => {
    hub.handle((_req, res) => res.writeHead(502).end());
    await expect(client.get(`${hub.endpoint}/x`)).rejects.toThrow('HTTP 502 after 4 attempts');
    expect(hub.requests).toHaveLength(4);
  });

  it('does not retry other 4xx', async () => {
    hub.handle((_req, res) => res.writeHead(400).end('{"error":"invalid date"}'));
    await expect(client.get(`${hub.endpoint}/x`)).rejects.toThrow('HTTP 400');
    expect(hub.requests).toHaveLength(1);
  });

  it('times out on a server that never answers, and retries it', async () => {
    hub.handle(() => {
      /* hang: never write headers */
    });
    const error = (await client.get(`${hub.endpoint}/x`).catch((e: unknown) => e)) as HttpError;
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(/timed out .* after 4 attempts/);
    expect(hub.requests).toHaveLength(4);
  });

  it('fails on a body cut off before its Content-Length', async () => {
    hub.handle((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      res.write('[{"paper":');
      res.destroy();
    });
    const error = (await client.get(`${hub.endpoint}/x`).catch((e: unknown) => e)) as HttpError;
    expect(error.kind).toBe('network');
  });

  it('sends a descriptive User-Agent, and HF_TOKEN as a bearer token', async () => {
    const withToken = new HttpClient({ paceMs: 0, token: 'hf_secret' });
    hub.handle((_req, res) => json(res, []));
    await withToken.get(`${hub.endpoint}/x`);
    await withToken.close();
    expect(hub.headers[0]?.['user-agent']).toMatch(/^Broadsheet\//);
    expect(hub.headers[0]?.authorization).toBe('Bearer hf_secret');
  });

  it('paces requests when asked to', async () => {
    const paced = new HttpClient({ paceMs: 5_000, sleep: async (ms) => void waits.push(ms) });
    hub.handle((_req, res) => json(res, []));
    await paced.get(`${hub.endpoint}/a`);
    await paced.get(`${hub.endpoint}/b`);
    await paced.close();
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(4_000);
  });
});
