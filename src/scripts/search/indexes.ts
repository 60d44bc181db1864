// The per-year Pagefind indexes, and the results of a search as one list in its final order. The
// newest year is Pagefind's primary index; older years merge into it on demand (mergeIndex: one
// runtime, one wasm download). Sorts are exact across years (state.ts).
import { DATE_FILE, DescendingMerge, effectiveSort, pagefindFilters, parseDateOrder, type SearchState } from './state.ts';

export interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  locations: number[];
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string | null, options: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** A list of results in its final order, read a page at a time. */
export interface Listing {
  total: number;
  take(count: number): Promise<PagefindResult[]>;
}

export class YearIndexes {
  readonly years: readonly string[];
  private readonly bundle: string;
  private readonly base: string;
  private api?: Promise<PagefindApi>;
  private readonly merged = new Map<string, Promise<void>>();
  private readonly orders = new Map<string, Promise<Map<string, number>>>();

  constructor(bundle: string, base: string, years: readonly string[]) {
    this.bundle = bundle;
    this.base = base;
    this.years = years;
  }

  private primary(): Promise<PagefindApi> {
    this.api ??= (async () => {
      const api = (await import(/* @vite-ignore */ `${this.bundle}${this.years[0]}/pagefind.js`)) as PagefindApi;
      // On the main thread: searching one year is quick, and the worker is one more download (docs/performance.md).
      await api.options({ basePath: `${this.bundle}${this.years[0]}/`, baseUrl: this.base, noWorker: true, mergeFilter: { year: this.years[0] } });
      await api.init();
      return api;
    })();
    return this.api;
  }

  /** Pagefind, with every year of `years` searchable. */
  async with(years: readonly string[]): Promise<PagefindApi> {
    const api = await this.primary();
    await Promise.all(
      years.map((year) => {
        if (year === this.years[0]) return undefined;
        let merging = this.merged.get(year);
        // Each index's year is a filter set here, in memory: a year filter costs no download.
        if (!merging) this.merged.set(year, (merging = api.mergeIndex(`${this.bundle}${year}/`, { baseUrl: this.base, mergeFilter: { year } })));
        return merging;
      }),
    );
    return api;
  }

  has(years: readonly string[]): boolean {
    return years.every((year) => year === this.years[0] || this.merged.has(year));
  }

  /** The year's pages, newest listed first: page id -> position. */
  dateOrder(year: string): Promise<Map<string, number>> {
    let order = this.orders.get(year);
    if (!order) {
      order = (async () => {
        const response = await fetch(`${this.bundle}${year}/${DATE_FILE}`);
        if (!response.ok) throw new Error(`${DATE_FILE} of ${year}: HTTP ${response.status}`);
        let bytes: ArrayBuffer = await response.arrayBuffer();
        const head = new Uint8Array(bytes, 0, 2);
        // Gzipped as written; a server may already have decoded it.
        if (head[0] === 0x1f && head[1] === 0x8b)
          bytes = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
        return parseDateOrder(new TextDecoder().decode(bytes));
      })();
      this.orders.set(year, order);
    }
    return order;
  }

  /** The results of `state` over `years`, in the order it asks for. */
  async listing(state: SearchState, years: readonly string[]): Promise<Listing> {
    const api = await this.with(years);
    const sort = effectiveSort(state);
    if (sort === 'upvotes') return byUpvotes(api, state, years);
    if (sort === 'date') return byDate(api, this, state, years);
    return byRelevance(api, state);
  }
}

const data = new WeakMap<PagefindResult, Promise<PagefindData>>();
/** A result's fragment, fetched once however often the merge and the page ask for it. */
export function dataOf(result: PagefindResult): Promise<PagefindData> {
  let loaded = data.get(result);
  if (!loaded) data.set(result, (loaded = result.data()));
  return loaded;
}

/** Relevance: Pagefind merges the years by score. */
async function byRelevance(api: PagefindApi, state: SearchState): Promise<Listing> {
  const { results } = await api.search(state.q || null, { filters: pagefindFilters(state.filters) });
  let at = 0;
  return { total: results.length, take: async (count) => results.slice(at, (at += count)) };
}

/** Upvotes: each year sorted by Pagefind, merged by the values in the results' metadata. */
async function byUpvotes(api: PagefindApi, state: SearchState, years: readonly string[]): Promise<Listing> {
  const lists = await Promise.all(
    years.map(async (year) => (await api.search(state.q || null, { filters: pagefindFilters(state.filters, year), sort: { upvotes: 'desc' } })).results),
  );
  const merge = new DescendingMerge(lists, async (result) => Number((await dataOf(result)).meta.upvotes ?? 0));
  return { total: merge.total, take: (count) => merge.take(count) };
}

/** Date: years are disjoint, so newest year first, each in its own date order (loaded when reached). */
async function byDate(api: PagefindApi, indexes: YearIndexes, state: SearchState, years: readonly string[]): Promise<Listing> {
  const lists = await Promise.all(years.map(async (year) => (await api.search(state.q || null, { filters: pagefindFilters(state.filters, year) })).results));
  const sorted: (PagefindResult[] | undefined)[] = [];
  // Where reading has reached: the year, and the position in that year's sorted list.
  let yearAt = 0;
  let position = 0;
  return {
    total: lists.reduce((sum, list) => sum + list.length, 0),
    take: async (count) => {
      const out: PagefindResult[] = [];
      while (out.length < count && yearAt < years.length) {
        if (!sorted[yearAt]) {
          const order = lists[yearAt]!.length ? await indexes.dateOrder(years[yearAt]!) : new Map<string, number>();
          const rank = (result: PagefindResult) => order.get(result.id) ?? Infinity;
          sorted[yearAt] = [...lists[yearAt]!].sort((a, b) => rank(a) - rank(b));
        }
        const taken = sorted[yearAt]!.slice(position, position + count - out.length);
        out.push(...taken);
        position += taken.length;
        if (position >= sorted[yearAt]!.length) [yearAt, position] = [yearAt + 1, 0];
      }
      return out;
    },
  };
}
