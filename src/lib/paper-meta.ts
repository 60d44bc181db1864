// What a researcher's tools and link previews read from a paper page: Highwire citation_* tags
// (Zotero, Google Scholar, Mendeley) and the Open Graph title. The page says the title, authors and
// date once, here: no schema.org block repeats them, and the title is one tag for both where it
// reads the same to both (every byte of a paper page is paid tens of thousands of times).
import { arxivDoi } from './arxiv-ids.ts';
import { plainMath } from './math.ts';
import { arxivPdfUrl } from './paths.ts';
import type { Paper } from './schema.ts';

export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

export function citationTags(paper: Paper): MetaTag[] {
  // A title with formulas is LaTeX for reference managers and text for previews: two tags then.
  const plain = plainMath(paper.title);
  const tags: MetaTag[] =
    plain === paper.title
      ? [{ name: 'citation_title', property: 'og:title', content: paper.title }]
      : [
          { name: 'citation_title', content: paper.title },
          { property: 'og:title', content: plain },
        ];
  for (const author of paper.authors) tags.push({ name: 'citation_author', content: author });
  if (paper.publishedAt) tags.push({ name: 'citation_publication_date', content: paper.publishedAt.slice(0, 10).replaceAll('-', '/') });
  // The DOI names the paper for Zotero and citation styles, its arXiv id inside it.
  tags.push({ name: 'citation_doi', content: arxivDoi(paper.id) }, { name: 'citation_pdf_url', content: arxivPdfUrl(paper.id) });
  return tags;
}
