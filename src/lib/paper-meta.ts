// What a researcher's tools read from a paper page: Highwire citation_* tags (Zotero, Google
// Scholar, Mendeley). The page says the title, authors and date once, here: no schema.org block
// repeats them (every byte of a paper page is paid tens of thousands of times).
import { arxivPdfUrl } from './paths.ts';
import type { Paper } from './schema.ts';

export function citationTags(paper: Paper): { name: string; content: string }[] {
  const tags = [{ name: 'citation_title', content: paper.title }];
  for (const author of paper.authors) tags.push({ name: 'citation_author', content: author });
  if (paper.publishedAt) tags.push({ name: 'citation_publication_date', content: paper.publishedAt.slice(0, 10).replaceAll('-', '/') });
  tags.push({ name: 'citation_arxiv_id', content: paper.id }, { name: 'citation_pdf_url', content: arxivPdfUrl(paper.id) });
  return tags;
}
