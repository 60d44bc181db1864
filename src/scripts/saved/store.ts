// Where the reading list lives: this browser's storage (../local-store.ts), and what the site's own
// paper pages say of a paper that a list does not show. Nothing leaves the browser.
import { BASE } from '../base.ts';
import { localStore, type Origin } from '../local-store.ts';
import { readList, type SavedList, type SavedPaper } from './list.ts';

export type { Origin } from '../local-store.ts';

const saved = localStore('broadsheet:saved', 'the reading list');

/** The list as stored, and how many stored entries could not be read (an older or edited copy). */
export const loadReport = (): { list: SavedList; skipped: number } => readList(saved.read());

export const load = (): SavedList => loadReport().list;

/** Keep the list and tell every listener; throws a StorageError when the browser will not keep it. */
export const store = (list: SavedList, origin: Origin = 'other'): void => saved.write(list, origin);

/** Call `listener` with the list on every change, here or in another tab; returns how to stop. */
export const onChange = (listener: (list: SavedList, origin: Origin) => void): (() => void) => saved.onChange((origin) => listener(load(), origin));

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
