// Reading one day's listing from the hub: the JSON API, every page of it, with the HTML
// listing as the fallback when the API fails in a way retrying does not fix.
import * as cheerio from 'cheerio';
import { ApiListing, describeIssues, type ApiItem } from '../../../../src/lib/schema.ts';
import { HttpError, type Fetcher } from '../http.ts';
import { CaptureStopped } from '../policy.ts';

export const DEFAULT_ENDPOINT = 'https://huggingface.co';
/** The API's default and largest page. */
export const PAGE_SIZE = 50;
/** A bound so a server that ignores `p` cannot keep us paging forever. */
const MAX_PAGES = 40;

export interface Listing {
  items: ApiItem[];
  source: 'api' | 'html';
  /** The first URL read, for messages. */
  url: string;
}

/** A failure that names the date, the URL (or file) and what was wrong, in one line. */
export class ListingError extends Error {
  readonly date: string;
  readonly url: string;
  readonly problem: string;
  constructor(date: string, url: string, problem: string, options?: ErrorOptions) {
    super(`${date}: ${url} ${problem}`, options);
    this.name = 'ListingError';
    this.date = date;
    this.url = url;
    this.problem = problem;
  }

  /** The URL and the problem: what a report shows after the date. */
  get detail(): string {
    return `${this.url} ${this.problem}`;
  }
}

export function apiUrl(endpoint: string, date: string, page = 0): string {
  const url = new URL('/api/daily_papers', endpoint);
  url.searchParams.set('date', date);
  url.searchParams.set('limit', String(PAGE_SIZE));
  url.searchParams.set('p', String(page));
  return url.href;
}

export function htmlUrl(endpoint: string, date: string): string {
  return new URL(`/papers/date/${date}`, endpoint).href;
}

function looksLikeHtml(body: string, contentType: string): boolean {
  return /html/i.test(contentType) || /^\s*</.test(body);
}

/**
 * Parse an API body into validated items, or say in a few words what was wrong with it: as an
 * answer of the hub ("returned HTML, not JSON"), or as a recorded file (`--input`: "is HTML").
 */
export function parseApiBody(body: string, contentType = 'application/json', from: 'response' | 'file' = 'response'): ApiItem[] {
  const [it, has] = from === 'file' ? ['is', 'holds'] : ['returned', 'returned'];
  if (looksLikeHtml(body, contentType)) throw new Error(`${it} HTML, not JSON`);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error(
      from === 'file' ? `is not valid JSON (${body.length} bytes, truncated?)` : `returned a body that is not valid JSON (${body.length} bytes, truncated?)`,
    );
  }
  if (!Array.isArray(json)) throw new Error(`${has} JSON that is not a list of papers (the format changed?)`);
  const parsed = ApiListing.safeParse(json);
  if (!parsed.success) throw new Error(`${has} papers that do not match the expected format: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** The listing embedded in the HTML page: JSON in the `data-props` of the DailyPapers element. */
export function parseListingHtml(html: string): ApiItem[] {
  const $ = cheerio.load(html);
  const props = $('[data-target="DailyPapers"]').first().attr('data-props');
  if (props === undefined) throw new Error('has no DailyPapers element (the page layout changed?)');
  let json: unknown;
  try {
    json = JSON.parse(props);
  } catch {
    throw new Error('has DailyPapers data that is not valid JSON');
  }
  const papers = (json as { dailyPapers?: unknown }).dailyPapers;
  if (!Array.isArray(papers)) throw new Error('has DailyPapers data without a dailyPapers list');
  const parsed = ApiListing.safeParse(papers);
  if (!parsed.success) throw new Error(`has papers that do not match the expected format: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

async function fetchApi(client: Fetcher, endpoint: string, date: string): Promise<ApiItem[]> {
  const items: ApiItem[] = [];
  const seen = new Set<string>();
  for (let page = 0; page < MAX_PAGES; page++) {
    const url = apiUrl(endpoint, date, page);
    const response = await client.get(url);
    let batch: ApiItem[];
    try {
      batch = parseApiBody(response.body, response.contentType);
    } catch (error) {
      throw new ListingError(date, url, (error as Error).message, { cause: error });
    }
    const fresh = batch.filter((item) => !seen.has(item.paper.id));
    for (const item of fresh) {
      seen.add(item.paper.id);
      items.push(item);
    }
    // A short page is the last; a page of nothing new means the server ignored `p`.
    if (batch.length < PAGE_SIZE || fresh.length === 0) return items;
  }
  return items;
}

async function fetchHtml(client: Fetcher, endpoint: string, date: string): Promise<ApiItem[]> {
  const url = htmlUrl(endpoint, date);
  const response = await client.get(url, 'text/html');
  try {
    return parseListingHtml(response.body);
  } catch (error) {
    throw new ListingError(date, url, (error as Error).message, { cause: error });
  }
}

/** Where and what, from whichever error a step threw. */
function failure(url: string, error: unknown): { url: string; problem: string } {
  if (error instanceof ListingError) return { url: error.url, problem: error.problem };
  if (error instanceof HttpError) return { url: error.url, problem: error.message };
  return { url, problem: (error as Error).message };
}

/** Every item listed on a date. Throws a ListingError naming the date, URL and problem. */
export async function fetchDailyPapers(client: Fetcher, endpoint: string, date: string): Promise<Listing> {
  try {
    return { items: await fetchApi(client, endpoint, date), source: 'api', url: apiUrl(endpoint, date) };
  } catch (apiError) {
    // The run's policy said stop: no fallback request either.
    if (apiError instanceof CaptureStopped) throw apiError;
    // Rate limiting, a rejected date (400: invalid or future) or a host that cannot be reached at
    // all would fail the same way on the HTML page, which is on the same host.
    if (apiError instanceof HttpError && (apiError.kind === 'rate-limited' || apiError.kind === 'network' || apiError.status === 400)) {
      throw new ListingError(date, apiError.url, apiError.message, { cause: apiError });
    }
    try {
      const items = await fetchHtml(client, endpoint, date);
      return { items, source: 'html', url: htmlUrl(endpoint, date) };
    } catch (htmlError) {
      if (htmlError instanceof CaptureStopped) throw htmlError;
      const api = failure(apiUrl(endpoint, date), apiError);
      const html = failure(htmlUrl(endpoint, date), htmlError);
      // One line naming both failures; the cause chain carries the fallback's.
      throw new ListingError(date, api.url, `${api.problem}; HTML fallback failed too: ${html.url} ${html.problem}`, { cause: htmlError });
    }
  }
}
