// The search page in the browser: Pagefind's own UI, respecting the base path, with a sort
// choice, `?q=` and `?sort=` in the URL so searches can be linked, and a polite message when
// the index cannot be loaded.
import '@pagefind/default-ui/css/ui.css';
import { PagefindUI } from '@pagefind/default-ui';

type Sort = 'relevance' | 'date' | 'upvotes';
const SORTS: Record<Sort, Record<string, 'asc' | 'desc'> | null> = {
  relevance: null,
  date: { date: 'desc' },
  upvotes: { upvotes: 'desc' },
};

function showStatus(message: string): void {
  const status = document.getElementById('search-status')!;
  status.textContent = message;
  status.hidden = false;
}

export async function startSearch(): Promise<void> {
  const app = document.getElementById('search-app');
  if (!app) return;
  const bundlePath = app.dataset.bundle!;
  const params = new URLSearchParams(location.search);

  // Check the index is there before handing over to the UI, which would fail silently.
  try {
    const response = await fetch(`${bundlePath}pagefind-entry.json`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
  } catch {
    showStatus('The search index could not be loaded. Please try again later, or browse the archive and the topics from the menu above.');
    return;
  }
  app.hidden = false;

  const select = document.getElementById('search-sort') as HTMLSelectElement;
  let sort = (params.get('sort') as Sort) in SORTS ? (params.get('sort') as Sort) : 'relevance';
  select.value = sort;
  let ui: PagefindUI | undefined;

  const mount = (term: string) => {
    ui?.destroy();
    ui = new PagefindUI({
      element: '#search',
      bundlePath,
      baseUrl: app.dataset.base,
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      pageSize: 10,
      autofocus: !term,
      sort: SORTS[sort],
      openFilters: ['topic'],
      translations: {
        placeholder: 'Search papers: title, author, abstract, keyword',
        zero_results: 'No papers match [SEARCH_TERM]. Try fewer or different words, or remove a filter.',
      },
    });
    if (term) ui.triggerSearch(term);
  };

  const currentTerm = () => (document.querySelector<HTMLInputElement>('#search input[type="text"], #search input[type="search"]')?.value ?? '').trim();

  // Keep the address in step with the search, so it can be bookmarked and shared.
  const remember = () => {
    const url = new URL(location.href);
    const term = currentTerm();
    if (term) url.searchParams.set('q', term);
    else url.searchParams.delete('q');
    if (sort === 'relevance') url.searchParams.delete('sort');
    else url.searchParams.set('sort', sort);
    history.replaceState(null, '', url);
  };
  // Debounced: the address is rewritten once typing pauses, not on every keystroke.
  let pending: ReturnType<typeof setTimeout> | undefined;
  document.getElementById('search')!.addEventListener('input', () => {
    clearTimeout(pending);
    pending = setTimeout(remember, 350);
  });

  select.addEventListener('change', () => {
    const term = currentTerm();
    sort = select.value as Sort;
    mount(term);
    remember();
  });

  mount(params.get('q')?.trim() ?? '');
}
