// The reading list, pure: what is kept of a saved paper (enough to export it offline), and the
// list itself, read back from storage or a file. Runs on every page (src/scripts/saved.ts), so it
// stays small; the exports, imports and suggestions of /saved/ are in saved-export.ts.
import { ARXIV_ID } from './arxiv.ts';

export interface RelatedPaper {
  id: string;
  title: string;
}

export interface SavedPaper {
  id: string;
  /** As the site shows it in text: LLM×MapReduce. */
  title: string;
  /** The title with its formulas as LaTeX (LLM$\times$MapReduce), for BibTeX; only when it differs. */
  tex?: string;
  authors: string[];
  /** When arXiv published it (YYYY-MM-DD), if known. */
  published?: string;
  /** The day it was (last) listed on Daily Papers, if known. */
  listed?: string;
  /** When the reader saved it (ISO 8601). */
  savedAt: string;
  note?: string;
  /** Its related papers, most similar first, as its page listed them: for "more like your list". */
  related?: RelatedPaper[];
}

export interface SavedList {
  version: 1;
  /** Newest saved first. */
  papers: SavedPaper[];
}

export const emptyList = (): SavedList => ({ version: 1, papers: [] });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const str = (value: unknown, max = 2000): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined);

/** A saved paper read from anywhere (storage, an imported file): what is not as expected is left out. */
function readPaper(value: unknown): SavedPaper | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const id = str(v.id, 40);
  if (!id || !ARXIV_ID.test(id)) return undefined;
  const published = str(v.published, 10);
  const listed = str(v.listed, 10);
  const note = str(v.note);
  const tex = str(v.tex, 500);
  const related = Array.isArray(v.related)
    ? v.related.flatMap((r) => {
        const rid = str((r as Record<string, unknown>)?.id, 40);
        const title = str((r as Record<string, unknown>)?.title, 500);
        return rid && ARXIV_ID.test(rid) && title ? [{ id: rid, title }] : [];
      })
    : undefined;
  return {
    id,
    title: str(v.title, 500) ?? `arXiv:${id}`,
    ...(tex ? { tex } : {}),
    authors: Array.isArray(v.authors) ? v.authors.flatMap((a) => str(a, 200) ?? []).slice(0, 1000) : [],
    ...(published && DATE.test(published) ? { published } : {}),
    ...(listed && DATE.test(listed) ? { listed } : {}),
    savedAt: str(v.savedAt, 40) ?? new Date(0).toISOString(),
    ...(note ? { note } : {}),
    ...(related?.length ? { related: related.slice(0, 20) } : {}),
  };
}

/** A list from stored or exported JSON; anything unreadable is an empty list, never an error on a page. */
export function readList(json: unknown): SavedList {
  const papers = Array.isArray((json as SavedList | undefined)?.papers) ? (json as SavedList).papers.flatMap((p) => readPaper(p) ?? []) : [];
  return { version: 1, papers: dedupe(papers) };
}

export function dedupe(papers: readonly SavedPaper[]): SavedPaper[] {
  const seen = new Set<string>();
  return papers.filter((paper) => !seen.has(paper.id) && seen.add(paper.id));
}

export const isSaved = (list: SavedList, id: string) => list.papers.some((paper) => paper.id === id);

/** The list with a paper saved now (first), or replaced by what is newly known of it, keeping its note and when it was saved. */
export function save(list: SavedList, paper: SavedPaper): SavedList {
  const old = list.papers.find((p) => p.id === paper.id);
  const merged = old ? { ...paper, savedAt: old.savedAt, ...(old.note ? { note: old.note } : {}) } : paper;
  const rest = list.papers.filter((p) => p.id !== paper.id);
  return { version: 1, papers: old ? list.papers.map((p) => (p.id === paper.id ? merged : p)) : [merged, ...rest] };
}

export const remove = (list: SavedList, id: string): SavedList => ({ version: 1, papers: list.papers.filter((p) => p.id !== id) });

export function setNote(list: SavedList, id: string, note: string): SavedList {
  return {
    version: 1,
    papers: list.papers.map((p) => {
      if (p.id !== id) return p;
      const { note: _old, ...rest } = p;
      return note.trim() ? { ...rest, note: note.slice(0, 2000) } : rest;
    }),
  };
}
