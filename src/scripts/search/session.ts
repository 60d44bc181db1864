// A search's state and its runs, apart from any view (as Pagefind's own modular UI keeps its
// Instance apart from its widgets): the term, sort and filters, the address that says them, and
// the results, announced to whoever listens.
import { activeFilters, FILTER_KEYS, hasSearch, searchLabel, writeState, type FilterKey, type SearchState } from './state.ts';
import { dataOf, type Listing, type PagefindData, type YearIndexes } from './indexes.ts';

export const PAGE = 10;

export type SessionEvent =
  /** A page of results: final once every year is in; `searched` names the years so far. */
  | { type: 'results'; found: PagefindData[]; total: number; final: boolean; searched: readonly string[]; label: string; term: boolean }
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

  /** Search: the newest year first, announced as soon as it is searched; then every year, merged. */
  async run(): Promise<void> {
    const current = ++this.generation;
    history.replaceState(null, '', writeState(new URL(location.href), this.state));
    if (!hasSearch(this.state)) {
      this.listing = undefined;
      this.emit({ type: 'cleared' });
      return;
    }
    try {
      const years = await this.indexes.yearsFor(this.state);
      if (!this.indexes.has(years) && years.length > 1) await this.show(current, years.slice(0, 1), false);
      if (current === this.generation) await this.show(current, years, true);
    } catch (error) {
      console.error(error);
      if (current === this.generation) this.emit({ type: 'failed' });
    }
  }

  private async show(run: number, years: readonly string[], final: boolean): Promise<void> {
    const listing = await this.indexes.listing(this.state, years);
    const found = await Promise.all((await listing.take(PAGE)).map(dataOf));
    if (run !== this.generation) return;
    this.listing = listing;
    this.shown = found.length;
    this.emit({ type: 'results', found, total: listing.total, final, searched: years, label: searchLabel(this.state), term: Boolean(this.state.q) });
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
