// The reading list on every page: a save control beside each paper (its page, day, week, topic,
// organization and trending lists, search results), kept in this browser's localStorage and in
// step across open tabs. Nothing leaves the browser: what a list does not show of a paper is read
// from the paper's own page on this site. Without JavaScript there is no control at all.
import { emptyList, isSaved, readList, save, remove, type SavedList, type SavedPaper } from '../lib/saved.ts';

const KEY = 'broadsheet:saved';
const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const listeners = new Set<(list: SavedList) => void>();

export function load(): SavedList {
  try {
    return readList(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    return emptyList();
  }
}

export function store(list: SavedList): void {
  localStorage.setItem(KEY, JSON.stringify(list));
  for (const listener of listeners) listener(list);
}

export function onChange(listener: (list: SavedList) => void): void {
  listeners.add(listener);
}

// Another tab changed the list.
addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  const list = load();
  for (const listener of listeners) listener(list);
});

/** The id of a paper page's address on this site, or undefined. */
export function paperIdOf(href: string): string | undefined {
  const path = new URL(href, location.href).pathname;
  return path.startsWith(`${BASE}papers/`) && path.endsWith('/') ? decodeURIComponent(path.slice(BASE.length + 7, -1)) : undefined;
}

/** Text as read, without the TeX source MathML carries for copying. */
export function textOf(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const annotation of copy.querySelectorAll('annotation')) annotation.remove();
  return copy.textContent!.replace(/\s+/g, ' ').trim();
}

/** What a paper's page says of it: its citation tags, the day it was last listed, its related papers. */
export function paperFrom(doc: Document, id: string): SavedPaper {
  const meta = (name: string) => [...doc.querySelectorAll(`meta[name="${name}"]`)].map((m) => m.getAttribute('content') ?? '');
  const days = [...doc.querySelectorAll('.facts a[href*="/days/"]')].map((a) => a.getAttribute('href')!.match(/(\d{4}-\d{2}-\d{2})\/$/)?.[1]).filter(Boolean);
  const published = meta('citation_publication_date')[0]?.replaceAll('/', '-');
  const title = textOf(doc.querySelector('h1') ?? doc.body);
  const tex = meta('citation_title')[0];
  return {
    id,
    title,
    ...(tex && tex !== title ? { tex } : {}),
    authors: meta('citation_author'),
    ...(published ? { published } : {}),
    ...(days.length ? { listed: days.at(-1)! } : {}),
    savedAt: new Date().toISOString(),
    related: [...doc.querySelectorAll('ul.related a')].flatMap((a) => {
      const rid = paperIdOf(a.getAttribute('href')!);
      return rid ? [{ id: rid, title: textOf(a) }] : [];
    }),
  };
}

/** A paper as its page on this site says it, or undefined if the page cannot be read (offline, no such paper). */
export async function fetchPaper(id: string): Promise<SavedPaper | undefined> {
  try {
    const response = await fetch(`${BASE}papers/${id}/`);
    if (!response.ok) return undefined;
    return paperFrom(new DOMParser().parseFromString(await response.text(), 'text/html'), id);
  } catch {
    return undefined;
  }
}

/** Save a paper now with what the page shows, then with what its own page says once it is read. */
async function toggle(id: string, title: string): Promise<void> {
  if (isSaved(load(), id)) return store(remove(load(), id));
  const here = paperIdOf(location.href) === id;
  store(save(load(), here ? paperFrom(document, id) : { id, title, authors: [], savedAt: new Date().toISOString() }));
  const full = here ? undefined : await fetchPaper(id);
  if (full && isSaved(load(), id)) store(save(load(), full));
}

/** A save control for one paper: "Save" with the paper's title for screen readers, pressed when saved. */
export function saveButton(id: string, title: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'save';
  button.dataset.paper = id;
  const star = document.createElement('span');
  star.setAttribute('aria-hidden', 'true');
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ` “${title}”`;
  button.append(star, ' Save', hidden);
  const show = (list: SavedList) => {
    const saved = isSaved(list, id);
    button.setAttribute('aria-pressed', String(saved));
    star.textContent = saved ? '★' : '☆';
  };
  show(load());
  onChange(show);
  button.addEventListener('click', () => void toggle(id, title));
  return button;
}

/** Where a list entry's control goes: beside its counts, or at the end of its text. */
function decorate(item: Element): void {
  if (item.querySelector('button.save')) return;
  const link = [...item.querySelectorAll('a')].find((a) => paperIdOf(a.href));
  if (!link) return;
  (item.querySelector('.stats, .search-result-meta, :scope > div') ?? item).append(' ', saveButton(paperIdOf(link.href)!, textOf(link)));
}

const LISTS = 'ol.papers > li, ol.compact > li, ol.search-results > li';

function start(): void {
  const pageId = paperIdOf(location.href);
  const links = document.querySelector('.paper-page ul.links');
  if (pageId && links) {
    const item = document.createElement('li');
    item.append(saveButton(pageId, textOf(document.querySelector('h1')!)));
    links.append(item);
  }
  for (const item of document.querySelectorAll(LISTS)) decorate(item);
  // Lists that fill in later: search results, the reading list's own suggestions.
  new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes) if (node instanceof Element && node.matches(LISTS)) decorate(node);
  }).observe(document.body, { childList: true, subtree: true });
  if (document.getElementById('saved-app')) void import('./saved-page.ts').then((page) => page.start());
}

start();
