// Where the reading list lives: this browser's localStorage, kept in step across open tabs, and
// what the site's own paper pages say of a paper that a list does not show. Nothing leaves the
// browser. A storage that is full or refused is said, never swallowed.
import { emptyList, readList, type SavedList, type SavedPaper } from './list.ts';

const KEY = 'broadsheet:saved';
export const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Who changed the list: a note typed on /saved/ need not redraw the list under the reader's cursor. */
export type Origin = 'note' | 'other';
type Listener = (list: SavedList, origin: Origin) => void;
const listeners = new Set<Listener>();

/** The list as stored, and how many stored entries could not be read (an older or edited copy). */
export function loadReport(): { list: SavedList; skipped: number } {
  try {
    return readList(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
  } catch {
    // Not JSON, or storage refused: nothing readable is kept there.
    return { list: emptyList(), skipped: 0 };
  }
}

export const load = (): SavedList => loadReport().list;

/** Why storing failed, in words a reader can act on. */
export class StorageError extends Error {}

/** Keep the list and tell every listener; throws a StorageError when the browser will not keep it. */
export function store(list: SavedList, origin: Origin = 'other'): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(list));
  } catch (error) {
    const full = (error as DOMException).name === 'QuotaExceededError';
    throw new StorageError(
      full
        ? 'This browser’s storage for this site is full: the reading list could not be saved. Export it, then remove some papers.'
        : 'This browser does not let this site keep a reading list (private browsing, or storage turned off).',
    );
  }
  for (const listener of listeners) listener(list, origin);
}

/** Call `listener` on every change, here or in another tab; returns how to stop. */
export function onChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Another tab changed the list.
addEventListener('storage', (event) => {
  if (event.key !== KEY) return;
  const list = load();
  for (const listener of listeners) listener(list, 'other');
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
