// The search page in the browser, on Pagefind's JS API: one index per listing year, newest
// first. The newest year is searched as soon as its index arrives and its results shown; older
// years merge in behind it (Pagefind's mergeIndex: one runtime, one wasm download). Sorts are
// exact across years (src/lib/search-merge.ts); filter lists load only when the panel opens or
// the address names a filter. Every upstream string is put in the page as text, never as HTML.
import {
  DATE_FILE,
  DescendingMerge,
  FILTER_KEYS,
  activeFilters,
  excerptParts,
  pagefindFilters,
  parseDateOrder,
  readState,
  writeState,
  yearsToSearch,
  type FilterKey,
  type SearchState,
} from '../lib/search-merge.ts';

interface PagefindData {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
  locations: number[];
}
interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindData>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, options: Record<string, unknown>): Promise<void>;
  search(term: string, options: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
  filters(): Promise<Record<string, Record<string, number>>>;
}

/** A list of results in its final order, read a page at a time. */
interface Listing {
  total: number;
  take(count: number): Promise<PagefindResult[]>;
}

const PAGE = 10;
const LABELS: Record<FilterKey, string> = { topic: 'Topic', year: 'Year', organization: 'Organization', code: 'Code' };
const dates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The per-year indexes: the newest is Pagefind's primary index, older years merge into it on demand. */
class YearIndexes {
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
      // On the main thread: searching one year is a few milliseconds, and the worker is 44 KB more.
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
}

const data = new WeakMap<PagefindResult, Promise<PagefindData>>();
/** A result's fragment, fetched once however often the merge and the page ask for it. */
function dataOf(result: PagefindResult): Promise<PagefindData> {
  let loaded = data.get(result);
  if (!loaded) data.set(result, (loaded = result.data()));
  return loaded;
}

/** Relevance: Pagefind merges the years by score. */
async function byRelevance(api: PagefindApi, state: SearchState): Promise<Listing> {
  const { results } = await api.search(state.q, { filters: pagefindFilters(state.filters) });
  let at = 0;
  return { total: results.length, take: async (count) => results.slice(at, (at += count)) };
}

/** Upvotes: each year sorted by Pagefind, merged by the values in the results' metadata. */
async function byUpvotes(api: PagefindApi, state: SearchState, years: readonly string[]): Promise<Listing> {
  const lists = await Promise.all(
    years.map(async (year) => (await api.search(state.q, { filters: pagefindFilters(state.filters, year), sort: { upvotes: 'desc' } })).results),
  );
  const merge = new DescendingMerge(lists, async (result) => Number((await dataOf(result)).meta.upvotes ?? 0));
  return { total: merge.total, take: (count) => merge.take(count) };
}

/** Date: years are disjoint, so newest year first, each in its own date order (loaded when reached). */
async function byDate(api: PagefindApi, indexes: YearIndexes, state: SearchState, years: readonly string[]): Promise<Listing> {
  const lists = await Promise.all(years.map(async (year) => (await api.search(state.q, { filters: pagefindFilters(state.filters, year) })).results));
  const sorted: (PagefindResult[] | undefined)[] = [];
  let year = 0;
  let at = 0;
  return {
    total: lists.reduce((sum, list) => sum + list.length, 0),
    take: async (count) => {
      const out: PagefindResult[] = [];
      while (out.length < count && year < years.length) {
        if (!sorted[year]) {
          const order = lists[year]!.length ? await indexes.dateOrder(years[year]!) : new Map<string, number>();
          const position = (result: PagefindResult) => order.get(result.id) ?? Infinity;
          sorted[year] = [...lists[year]!].sort((a, b) => position(a) - position(b));
        }
        const taken = sorted[year]!.slice(at, at + count - out.length);
        out.push(...taken);
        at += taken.length;
        if (at >= sorted[year]!.length) [year, at] = [year + 1, 0];
      }
      return out;
    },
  };
}

function resultItem(found: PagefindData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = found.url;
  link.textContent = found.meta.title ?? found.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const parts: (string | Node)[] = [];
  if (found.meta.authors) parts.push(found.meta.authors);
  if (found.meta.listed) {
    const time = document.createElement('time');
    time.dateTime = found.meta.listed;
    time.textContent = `listed ${dates.format(new Date(`${found.meta.listed}T00:00:00Z`))}`;
    parts.push(time);
  }
  if (found.meta.upvotes) parts.push(`▲ ${found.meta.upvotes} ${found.meta.upvotes === '1' ? 'upvote' : 'upvotes'}`);
  if (found.meta.organization) parts.push(found.meta.organization);
  parts.forEach((part, i) => meta.append(...(i ? [' · ', part] : [part])));
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  for (const part of excerptParts(found.content, found.locations)) {
    if (!part.mark) excerpt.append(part.text);
    else {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    }
  }
  item.append(heading, meta, excerpt);
  return item;
}

export async function startSearch(): Promise<void> {
  const app = document.getElementById('search-app');
  if (!app) return;
  const status = document.getElementById('search-status')!;
  const fail = (message: string) => {
    status.textContent = message;
    status.hidden = false;
    app.hidden = true;
  };
  const years = (app.dataset.years ?? '').split(' ').filter(Boolean);
  const bundle = app.dataset.bundle!;
  // Check the newest index is there before handing over to Pagefind, which would only log an error.
  try {
    const response = await fetch(`${bundle}${years[0]}/pagefind-entry.json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch {
    return fail('The search index could not be loaded. Please try again later, or browse the archive and the topics from the menu above.');
  }
  app.hidden = false;

  const indexes = new YearIndexes(bundle, app.dataset.base!, years);
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-input') as HTMLInputElement;
  const select = document.getElementById('search-sort') as HTMLSelectElement;
  const panel = document.getElementById('search-filters') as HTMLDetailsElement;
  const groups = document.getElementById('search-filter-groups')!;
  const count = document.getElementById('search-filters-count')!;
  const summary = document.getElementById('search-summary')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;

  const state = readState(new URLSearchParams(location.search));
  input.value = state.q;
  select.value = state.sort;
  let generation = 0;
  let listing: Listing | undefined;

  const showCount = () => {
    const active = activeFilters(state.filters);
    count.textContent = active ? ` (${active} on)` : '';
  };

  const render = async (run: number, next: Listing, shown: number, final: boolean, searched: readonly string[]) => {
    const page = await next.take(Math.max(shown, PAGE));
    const found = await Promise.all(page.map(dataOf));
    if (run !== generation) return;
    listing = next;
    list.replaceChildren(...found.map(resultItem));
    list.setAttribute('aria-busy', String(!final));
    more.hidden = !final || page.length >= next.total;
    const term = `“${state.q}”`;
    if (!next.total && final) summary.textContent = `No papers match ${term}. Try fewer or different words, or remove a filter.`;
    else if (final) summary.textContent = `${next.total.toLocaleString('en-GB')} ${next.total === 1 ? 'paper matches' : 'papers match'} ${term}.`;
    else summary.textContent = `Papers listed in ${searched.join(', ')} matching ${term}; searching the older years…`;
  };

  const listingFor = async (years: readonly string[]): Promise<Listing> => {
    const api = await indexes.with(years);
    if (state.sort === 'upvotes') return byUpvotes(api, state, years);
    if (state.sort === 'date') return byDate(api, indexes, state, years);
    return byRelevance(api, state);
  };

  const run = async () => {
    const current = ++generation;
    history.replaceState(null, '', writeState(new URL(location.href), state));
    if (!state.q) {
      listing = undefined;
      list.replaceChildren();
      summary.textContent = '';
      more.hidden = true;
      return;
    }
    const searching = yearsToSearch(indexes.years, state.filters);
    try {
      // The newest year first, shown as soon as it is searched; then every year, merged.
      if (!indexes.has(searching) && searching.length > 1) await render(current, await listingFor(searching.slice(0, 1)), PAGE, false, searching.slice(0, 1));
      if (current !== generation) return;
      await render(current, await listingFor(searching), PAGE, true, searching);
    } catch (error) {
      console.error(error);
      if (current === generation) summary.textContent = 'The search failed. Please try again later.';
    }
  };

  let loadedFilters = false;
  const loadFilters = async () => {
    if (loadedFilters) return;
    loadedFilters = true;
    const api = await indexes.with(indexes.years);
    const available = await api.filters();
    // A value named in the address but absent from the archive still gets its box, to be unticked.
    for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) (available[key] ??= {})[value] ??= 0;
    groups.replaceChildren(
      ...FILTER_KEYS.filter((key) => Object.keys(available[key] ?? {}).length).map((key) => {
        const fieldset = document.createElement('fieldset');
        const legend = document.createElement('legend');
        legend.textContent = LABELS[key];
        fieldset.append(legend);
        const values = Object.entries(available[key]!).sort(([a, x], [b, y]) => (key === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b)));
        const options = document.createElement('div');
        options.className = `filter-options filter-${key}`;
        for (const [value, papers] of values) {
          const label = document.createElement('label');
          const box = document.createElement('input');
          box.type = 'checkbox';
          box.name = key;
          box.value = value;
          box.checked = state.filters[key]?.includes(value) ?? false;
          label.append(box, ` ${value} `);
          const n = document.createElement('span');
          n.className = 'muted';
          n.textContent = `(${papers.toLocaleString('en-GB')})`;
          label.append(n);
          options.append(label);
        }
        fieldset.append(options);
        return fieldset;
      }),
    );
  };

  groups.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    const key = box.name as FilterKey;
    const values = new Set(state.filters[key] ?? []);
    if (box.checked) values.add(box.value);
    else values.delete(box.value);
    state.filters[key] = [...values];
    if (!values.size) delete state.filters[key];
    showCount();
    void run();
  });
  panel.addEventListener('toggle', () => {
    if (panel.open) void loadFilters();
  });

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      state.q = input.value.trim();
      void run();
    }, 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    state.q = input.value.trim();
    void run();
  });
  select.addEventListener('change', () => {
    state.sort = select.value as SearchState['sort'];
    void run();
  });
  more.addEventListener('click', async () => {
    if (!listing) return;
    const current = generation;
    const next = await Promise.all((await listing.take(PAGE)).map(dataOf));
    if (current !== generation) return;
    const first = list.children.length;
    list.append(...next.map(resultItem));
    more.hidden = list.children.length >= listing.total;
    // Keyboard users continue from the first new result.
    list.children[first]?.querySelector('a')?.focus();
  });

  showCount();
  // A filter named in the address loads the lists, so the boxes show what is applied.
  if (activeFilters(state.filters)) panel.open = true;
  if (!state.q) input.focus();
  await run();
}
