// GET with undici: explicit timeouts, an overall deadline, and retries with exponential backoff
// and full jitter. undici's own RetryAgent honours Retry-After but not the hub's `RateLimit: t=`
// header nor a bound on how long to wait, so the loop is ours; it is small and fully tested.
import { Agent, request, type Dispatcher } from 'undici';

export interface HttpOptions {
  userAgent: string;
  token?: string | undefined;
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Whole-request deadline: connect, headers and body together. */
  deadlineMs: number;
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A 429 asking us to wait longer than this fails at once instead of stalling the job. */
  maxRetryAfterMs: number;
  /** Minimum time between the starts of two requests (polite pacing during a backfill). */
  paceMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

export const defaultHttpOptions: HttpOptions = {
  userAgent: 'Broadsheet/0.1 (static archive of Hugging Face Daily Papers)',
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  deadlineMs: 60_000,
  retries: 4,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 300_000,
  paceMs: 1_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

export type HttpFailure = 'status' | 'network' | 'timeout' | 'rate-limited';

export class HttpError extends Error {
  readonly url: string;
  readonly status: number | undefined;
  readonly kind: HttpFailure;
  constructor(url: string, kind: HttpFailure, message: string, status?: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'HttpError';
    this.url = url;
    this.kind = kind;
    this.status = status;
  }
}

export interface HttpResponse {
  url: string;
  status: number;
  contentType: string;
  body: string;
}

/** What a request may be told by whoever runs it (the capture policy, scripts/lib/capture/policy.ts). */
export interface RequestHooks {
  /** Called before every attempt, retries included: throws to make no more. */
  beforeAttempt?: () => void;
  /** Epoch ms after which no retry waits: a budgeted run gives up on a request rather than overrun its job. */
  stopAt?: number | undefined;
}

/** Anything that GETs a URL as the captures need: the client itself, or a step of a run under its policy. */
export interface Fetcher {
  get(url: string, accept?: string): Promise<HttpResponse>;
}

/** Seconds to wait from `Retry-After` (seconds or an HTTP date) or the `t=` of `RateLimit`. */
export function retryAfterMs(headers: Record<string, string | string[] | undefined>, now = Date.now()): number | undefined {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const waits: number[] = [];
  const retryAfter = header('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) waits.push(Number(retryAfter) * 1000);
    else if (!Number.isNaN(Date.parse(retryAfter))) waits.push(Math.max(0, Date.parse(retryAfter) - now));
  }
  const t = header('ratelimit')?.match(/(?:^|;)\s*t=(\d+)/);
  if (t) waits.push(Number(t[1]) * 1000);
  return waits.length ? Math.max(...waits) : undefined;
}

/** Full jitter: a uniformly random wait up to the capped exponential step. */
export function backoffMs(attempt: number, options: Pick<HttpOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'>): number {
  return Math.floor(options.random() * Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt));
}

function describeNetworkError(error: unknown): { kind: HttpFailure; text: string } {
  const err = error as { name?: string; code?: string; message?: string };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || /TIMEOUT/.test(err.code ?? '')) {
    return { kind: 'timeout', text: `timed out (${err.code ?? err.name})` };
  }
  return { kind: 'network', text: `network error: ${err.code ?? err.name ?? 'error'}: ${err.message ?? ''}`.trim() };
}

export class HttpClient implements Fetcher {
  readonly options: HttpOptions;
  readonly #dispatcher: Dispatcher;
  #lastStart = 0;

  constructor(options: Partial<HttpOptions> = {}) {
    this.options = { ...defaultHttpOptions, ...options };
    this.#dispatcher = new Agent({
      connect: { timeout: this.options.connectTimeoutMs },
      headersTimeout: this.options.headersTimeoutMs,
      bodyTimeout: this.options.bodyTimeoutMs,
    });
  }

  async close(): Promise<void> {
    await this.#dispatcher.close();
  }

  async #pace(): Promise<void> {
    const wait = this.#lastStart + this.options.paceMs - Date.now();
    if (this.#lastStart && wait > 0) await this.options.sleep(wait);
    this.#lastStart = Date.now();
  }

  async #once(url: string, accept: string): Promise<HttpResponse & { headers: Record<string, string | string[] | undefined> }> {
    await this.#pace();
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, accept };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const response = await request(url, {
      method: 'GET',
      headers,
      dispatcher: this.#dispatcher,
      headersTimeout: this.options.headersTimeoutMs,
      bodyTimeout: this.options.bodyTimeoutMs,
      signal: AbortSignal.timeout(this.options.deadlineMs),
    });
    const body = await response.body.text();
    const contentType = String(response.headers['content-type'] ?? '');
    return { url, status: response.statusCode, contentType, body, headers: response.headers };
  }

  /** GET a URL; resolves on 2xx, throws HttpError after retries on anything else. */
  async get(url: string, accept = 'application/json', hooks: RequestHooks = {}): Promise<HttpResponse> {
    const { retries } = this.options;
    for (let attempt = 0; ; attempt++) {
      let failure: HttpError;
      let wait: number | undefined;
      hooks.beforeAttempt?.();
      try {
        const response = await this.#once(url, accept);
        const { status } = response;
        if (status >= 200 && status < 300) {
          return { url, status, contentType: response.contentType, body: response.body };
        }
        if (status === 429) {
          wait = retryAfterMs(response.headers) ?? backoffMs(attempt, this.options);
          if (wait > this.options.maxRetryAfterMs) {
            throw new HttpError(
              url,
              'rate-limited',
              `rate limited (429), asked to wait ${Math.ceil(wait / 1000)} s, more than the ${this.options.maxRetryAfterMs / 1000} s allowed`,
              status,
            );
          }
          failure = new HttpError(url, 'rate-limited', `rate limited (429) after ${attempt + 1} attempts`, status);
        } else if (status >= 500) {
          failure = new HttpError(url, 'status', `HTTP ${status} after ${attempt + 1} attempts`, status);
        } else {
          // Other 4xx: the request itself is wrong (bad or future date, no such page); retrying cannot help.
          throw new HttpError(url, 'status', `HTTP ${status}`, status);
        }
      } catch (error) {
        if (error instanceof HttpError) throw error;
        const { kind, text } = describeNetworkError(error);
        failure = new HttpError(url, kind, `${text} after ${attempt + 1} attempts`, undefined, { cause: error });
      }
      if (attempt >= retries) throw failure;
      const delay = wait ?? backoffMs(attempt, this.options);
      if (hooks.stopAt !== undefined && Date.now() + delay > hooks.stopAt) {
        throw new HttpError(url, failure.kind, `${failure.message}; not retried: the run's time budget ends first`, failure.status, { cause: failure });
      }
      await this.options.sleep(delay);
    }
  }
}
