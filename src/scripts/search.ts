// The search page in the browser, on Pagefind's JS API: one index per listing year, newest first
// (search/indexes.ts), a session that holds the search's state (search/session.ts), and the views
// that show its results and its filters. Every upstream string is put in the page as text.
import { readState, type SearchState } from './search/state.ts';
import { filtersView } from './search/filters-view.ts';
import { YearIndexes } from './search/indexes.ts';
import { resultsView } from './search/results-view.ts';
import { SearchSession } from './search/session.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

export async function startSearch(): Promise<void> {
  const app = document.getElementById('search-app');
  if (!app) return;
  const years = (app.dataset.years ?? '').split(' ').filter(Boolean);
  const bundle = app.dataset.bundle!;
  // Check the newest index is there before handing over to Pagefind, which would only log an error.
  try {
    const response = await fetch(`${bundle}${years[0]}/pagefind-entry.json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch {
    const status = byId('search-status');
    status.textContent = 'The search index could not be loaded. Please try again later, or browse the archive and the topics from the menu above.';
    status.hidden = false;
    return;
  }
  app.hidden = false;

  const session = new SearchSession(new YearIndexes(bundle, app.dataset.base!, years), readState(new URLSearchParams(location.search)));
  resultsView(session, { summary: byId('search-summary'), older: byId('search-older'), list: byId('search-results'), more: byId('search-more') });
  filtersView(session, { panel: byId('search-filters'), groups: byId('search-filter-groups'), count: byId('search-filters-count') });

  const form = byId<HTMLFormElement>('search-form');
  const input = byId<HTMLInputElement>('search-input');
  const select = byId<HTMLSelectElement>('search-sort');
  input.value = session.state.q;
  select.value = session.state.sort;
  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => void session.setTerm(input.value), 300);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    void session.setTerm(input.value);
  });
  select.addEventListener('change', () => void session.setSort(select.value as SearchState['sort']));
  if (!session.state.q) input.focus();
  await session.run();
}
