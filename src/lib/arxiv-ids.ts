// What is made of arXiv ids: each paper's DOI, and the ids in any text (the reading list's import).
// Apart from ./arxiv.ts, which the script every page loads takes whole.

/** The DOI arXiv registers for every paper (DataCite), old-style ids included: what reference managers and citation styles use. */
export const arxivDoi = (id: string) => `10.48550/arXiv.${id}`;

/**
 * Every arXiv id in a text (a list, abs and PDF links with or without `.pdf`, `arXiv:` ids, a
 * BibTeX file's eprints), without versions, in order, once each.
 */
export function arxivIdsIn(text: string): string[] {
  const found = text.match(/(?<![\w.-])(?:\d{4}\.\d{4,5}|[a-z][a-z-]*(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?(?=\.pdf\b|(?!\w|\.\w))/g) ?? [];
  return [...new Set(found.map((id) => id.replace(/v\d+$/, '')))];
}
