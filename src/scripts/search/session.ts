// A search's state and its runs, apart from any view (as Pagefind's own modular UI keeps its
// Instance apart from its widgets): the term, sort and filters, the address that says them, and
// the results, announced to whoever listens.
import { activeFilters, FILTER_KEYS, firstYears, hasSearch, searchLabel, writeState, type FilterKey, type SearchState } from './state.ts';
import { dataOf, type Listing, type PagefindData, type YearIndexes } from './indexes.ts';

export const PAGE = 10;

export type SessionEvent =
  /**
   * A page of results: final once every year searched first is in; `searched` names the years so
   * far, `rest` those the reader can still ask for.
   */
  | {
      type: 'results';
      found: PagefindData[];
      total: number;
      final: boolean;
      searched: readonly string[];
      rest: readonly string[];
      label: string;
      term: boolean;
    }
  /** More results of the same search, after "load more". */
  | { type: 'more'; found: PagefindData[]; total: number; shown: number }
  | { type: 'cleared' }
  | { type: 'failed' }
  | { type: 'filters'; active: number };

export class SearchSession {
  readonly state: SearchState;
  readonly indexes: YearIndexes;
  private listeners: ((event: SessionEvent) => void)[] = [];
  private generation = 0;
  private listing: Listing | undefined;
  private shown = 0;
  /** The reader asked for every year: kept for the searches that follow. */
  private everyYear = false;

  constructor(indexes: YearIndexes, state: SearchState) {
    this.indexes = indexes;
    this.state = state;
  }

  on(listener: (event: SessionEvent) => void): void {
    this.listeners.push(listener);
  }

  private emit(event: SessionEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  setTerm(q: string): Promise<void> {
    this.state.q = q.trim();
    return this.run();
  }

  setSort(sort: SearchState['sort']): Promise<void> {
    this.state.sort = sort;
    return this.run();
  }

  setFilter(key: FilterKey, value: string, on: boolean): Promise<void> {
    const values = new Set(this.state.filters[key] ?? []);
    if (on) values.add(value);
    else values.delete(value);
    if (values.size) this.state.filters[key] = [...values];
    else delete this.state.filters[key];
    this.emit({ type: 'filters', active: activeFilters(this.state.filters) });
    return this.run();
  }

  /** Every filter value the archive has, with its count; any named in the address is kept, even at 0. */
  async filterValues(): Promise<Record<string, Record<string, number>>> {
    const available = await this.indexes.panelFilters();
    for (const key of FILTER_KEYS) for (const value of this.state.filters[key] ?? []) (available[key] ??= {})[value] ??= 0;
    return available;
  }

  /**
   * Search: the newest year first, announced as soon as it is searched; then the years a search
   * covers first (state.ts, firstYears), merged; the older years when the reader asks.
   */
  async run(): Promise<void> {
    const current = ++this.generation;
    history.replaceState(null, '', writeState(new URL(location.href), this.state));
    if (!hasSearch(this.state)) {
      this.listing = undefined;
      this.emit({ type: 'cleared' });
      return;
    }
    try {
      const all = await this.indexes.yearsFor(this.state);
      const years = firstYears(all, this.state, this.everyYear);
      const rest = all.filter((year) => !years.includes(year));
      if (!this.indexes.has(years) && years.length > 1) await this.show(current, years.slice(0, 1), rest, false);
      if (current === this.generation) await this.show(current, years, rest, true);
    } catch (error) {
      console.error(error);
      if (current === this.generation) this.emit({ type: 'failed' });
    }
  }

  /** The same search over every year, and every search after it. */
  searchEveryYear(): Promise<void> {
    this.everyYear = true;
    return this.run();
  }

  private async show(run: number, years: readonly string[], rest: readonly string[], final: boolean): Promise<void> {
    const listing = await this.indexes.listing(this.state, years);
    const found = await Promise.all((await listing.take(PAGE)).map(dataOf));
    if (run !== this.generation) return;
    this.listing = listing;
    this.shown = found.length;
    this.emit({ type: 'results', found, total: listing.total, final, searched: years, rest, label: searchLabel(this.state), term: Boolean(this.state.q) });
  }

  /** The next page of the current results. */
  async more(): Promise<void> {
    const { listing } = this;
    if (!listing) return;
    const run = this.generation;
    const found = await Promise.all((await listing.take(PAGE)).map(dataOf));
    if (run !== this.generation) return;
    this.shown += found.length;
    this.emit({ type: 'more', found, total: listing.total, shown: this.shown });
  }
}
