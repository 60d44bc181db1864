// The reading list's page, pure: reading an import (its own JSON, or arXiv ids in any text), the
// exports a reference manager reads (BibTeX as the paper pages give it, RIS, CSV, and the list's
// own JSON), and papers like the list's from the related-paper lists stored with each. Loaded on
// /saved/ only.
import { arxivDoi, arxivIdsIn } from '../../lib/arxiv-ids.ts';
import { bibtex } from '../../lib/cite.ts';
import { noFollows, readFollows, type Follows } from '../../lib/following/follows.ts';
import { dedupe, readList, type RelatedPaper, type SavedList, type SavedPaper } from './list.ts';

/**
 * What an imported file holds: a list exported from here (its papers, and what was followed if it
 * says), or arXiv ids in any text (one a line, URLs, …).
 */
export function parseImport(text: string): { papers: SavedPaper[]; skipped: number; follows: Follows } | { ids: string[] } {
  try {
    const json = JSON.parse(text) as unknown;
    if (json && typeof json === 'object' && Array.isArray((json as SavedList).papers)) {
      const { list, skipped } = readList(json);
      const following = (json as { following?: unknown }).following;
      return { papers: list.papers, skipped, follows: following === undefined ? noFollows() : readFollows(following) };
    }
  } catch {
    // Not JSON: a list of ids.
  }
  return { ids: arxivIdsIn(text) };
}

/** Add imported papers the list does not hold yet, after the saved ones, in their order. */
export function addImported(list: SavedList, papers: readonly SavedPaper[]): SavedList {
  return { version: 1, papers: dedupe([...list.papers, ...papers]) };
}

// --- Exports.

const entry = (paper: SavedPaper) => ({
  id: paper.id,
  title: paper.tex ?? paper.title,
  authors: paper.authors,
  ...(paper.published ? { publishedAt: paper.published } : {}),
});

/** The entries the paper pages give, one after another: titles with their formulas as LaTeX. */
export const toBibtex = (list: SavedList): string => list.papers.map((paper) => bibtex(entry(paper))).join('\n\n') + '\n';

/**
 * RIS, as Zotero, Mendeley and EndNote read it: a preprint (UNPB) per paper with its arXiv page,
 * PDF and DOI (arXiv gives every paper one: 10.48550/arXiv.ID), and the reader's note. Titles as
 * text (LLM×MapReduce): a reference manager shows LaTeX as typed.
 */
export function toRis(list: SavedList): string {
  const line = (tag: string, value: string) => `${tag}  - ${value.replace(/[\r\n]+/g, ' ')}`;
  return list.papers
    .map((paper) =>
      [
        line('TY', 'UNPB'),
        line('TI', paper.title),
        ...paper.authors.map((author) => line('AU', author)),
        ...(paper.published ? [line('PY', paper.published.slice(0, 4)), line('DA', paper.published.replaceAll('-', '/'))] : []),
        line('UR', `https://arxiv.org/abs/${paper.id}`),
        line('L1', `https://arxiv.org/pdf/${paper.id}`),
        line('DO', arxivDoi(paper.id)),
        line('PB', 'arXiv'),
        ...(paper.note ? [line('N1', paper.note)] : []),
        'ER  - ',
      ].join('\r\n'),
    )
    .join('\r\n\r\n')
    .concat('\r\n');
}

/** A CSV field: quoted, and a leading =, +, - or @ made text, so a spreadsheet never runs it. */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

export function toCsv(list: SavedList): string {
  const rows = [['arxiv_id', 'title', 'authors', 'published', 'listed', 'saved', 'note', 'url']];
  for (const p of list.papers)
    rows.push([p.id, p.title, p.authors.join('; '), p.published ?? '', p.listed ?? '', p.savedAt ?? '', p.note ?? '', `https://arxiv.org/abs/${p.id}`]);
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The list's own file, with what this browser follows: an import elsewhere brings back both. */
export const toJson = (list: SavedList, following: Follows = noFollows()): string => JSON.stringify({ ...list, following }, null, 2) + '\n';

// --- More like the list.

/**
 * Up to `limit` papers most related to the list: each saved paper's related list votes for its
 * papers, the first most (8 for the first of eight, …), summed over the list; saved papers are
 * left out. Ties go to the paper related to more saved papers, then by id.
 */
export function recommend(list: SavedList, limit = 20): (RelatedPaper & { score: number })[] {
  const saved = new Set(list.papers.map((p) => p.id));
  const scores = new Map<string, RelatedPaper & { score: number; votes: number }>();
  for (const paper of list.papers) {
    const related = paper.related ?? [];
    related.forEach((r, rank) => {
      if (saved.has(r.id)) return;
      const known = scores.get(r.id) ?? { ...r, score: 0, votes: 0 };
      known.score += related.length - rank;
      known.votes++;
      scores.set(r.id, known);
    });
  }
  return [...scores.values()]
    .sort((a, b) => b.score - a.score || b.votes - a.votes || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map(({ id, title, score }) => ({ id, title, score }));
}
