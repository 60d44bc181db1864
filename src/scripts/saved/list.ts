// The reading list, pure: what is kept of a saved paper (enough to export it offline), and the
// list itself, read back from storage or a file. Whatever it reads was written by someone: a
// field that is not what it should be (a date that is no date) is left out, an entry that is not
// a paper is skipped and counted, so nothing read can break the page that shows it.
import { ARXIV_ID } from '../../lib/arxiv.ts';

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
  /** When the reader saved it (ISO 8601), if known. */
  savedAt?: string;
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

const str = (value: unknown, max = 2000): string | undefined => (typeof value === 'string' && value.trim() ? value.trim().slice(0, max) : undefined);
/** A calendar day that exists: `2024-05-27`, not `27/05/2024` nor `2024-02-30` (without the schema's zod, which every page would then load). */
const day = (value: unknown) => {
  const text = str(value, 10);
  const ms = text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  // Date rolls 2024-02-30 over to 1 March: a day that exists reads back as itself.
  return !Number.isNaN(ms) && new Date(ms).toISOString().startsWith(text!) ? text : undefined;
};
/** A moment as toISOString writes it, that Date reads back. */
const moment = (value: unknown) => {
  const text = str(value, 40);
  return text && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
};

/** A saved paper read from anywhere (storage, an imported file); undefined when it is not a paper at all. */
function readPaper(value: unknown): SavedPaper | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  const id = str(v.id, 40);
  if (!id || !ARXIV_ID.test(id)) return undefined;
  const published = day(v.published);
  const listed = day(v.listed);
  const savedAt = moment(v.savedAt);
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
    ...(published ? { published } : {}),
    ...(listed ? { listed } : {}),
    ...(savedAt ? { savedAt } : {}),
    ...(note ? { note } : {}),
    ...(related?.length ? { related: related.slice(0, 20) } : {}),
  };
}

/** A list read back, and how many of its entries were not papers and were left out. */
export interface ReadList {
  list: SavedList;
  skipped: number;
}

/** A list from stored or exported JSON; anything unreadable is left out and counted, never an error on a page. */
export function readList(json: unknown): ReadList {
  const entries = (json as SavedList | undefined)?.papers;
  if (!Array.isArray(entries)) return { list: emptyList(), skipped: 0 };
  const papers = entries.map(readPaper);
  const kept = papers.filter((paper): paper is SavedPaper => paper !== undefined);
  return { list: { version: 1, papers: dedupe(kept) }, skipped: papers.length - kept.length };
}

export function dedupe(papers: readonly SavedPaper[]): SavedPaper[] {
  const seen = new Set<string>();
  return papers.filter((paper) => !seen.has(paper.id) && seen.add(paper.id));
}

export const isSaved = (list: SavedList, id: string) => list.papers.some((paper) => paper.id === id);

/** The list with a paper saved now (first), or replaced by what is newly known of it, keeping its note and when it was saved. */
export function save(list: SavedList, paper: SavedPaper): SavedList {
  const old = list.papers.find((p) => p.id === paper.id);
  // What is known of it is new; when it was saved (or that this is unknown) and its note are the reader's.
  const { savedAt: _new, ...known } = paper;
  const merged = old ? { ...known, ...(old.savedAt ? { savedAt: old.savedAt } : {}), ...(old.note ? { note: old.note } : {}) } : paper;
  const rest = list.papers.filter((p) => p.id !== paper.id);
  return { version: 1, papers: old ? list.papers.map((p) => (p.id === paper.id ? merged : p)) : [merged, ...rest] };
}

/** The list with these papers saved now, first, in their order; those already saved stay where they are. */
export function saveAll(list: SavedList, papers: readonly SavedPaper[]): SavedList {
  const fresh = dedupe(papers).filter((paper) => !isSaved(list, paper.id));
  return { version: 1, papers: [...fresh, ...list.papers] };
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
