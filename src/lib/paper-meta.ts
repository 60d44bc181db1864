// What a researcher's tools read from a paper page: Highwire citation_* tags (Zotero, Google
// Scholar) and schema.org JSON-LD. Pure, so both are tested without a build.
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from './paths.ts';
import type { Paper } from './schema.ts';

export function citationTags(paper: Paper): { name: string; content: string }[] {
  const tags = [{ name: 'citation_title', content: paper.title }];
  for (const author of paper.authors) tags.push({ name: 'citation_author', content: author });
  if (paper.publishedAt) tags.push({ name: 'citation_publication_date', content: paper.publishedAt.slice(0, 10).replaceAll('-', '/') });
  tags.push({ name: 'citation_arxiv_id', content: paper.id }, { name: 'citation_pdf_url', content: arxivPdfUrl(paper.id) });
  return tags;
}

/** Enough authors for a search engine's card; the page and citation_author tags carry them all. */
const JSON_LD_AUTHORS = 50;

/** Lean on purpose: the page's own meta description and title already say the rest. */
export function scholarlyArticle(paper: Paper, url: string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ScholarlyArticle',
    '@id': url,
    url,
    headline: paper.title,
    author: paper.authors.slice(0, JSON_LD_AUTHORS).map((name) => ({ '@type': 'Person', name })),
    ...(paper.publishedAt ? { datePublished: paper.publishedAt } : {}),
    ...(paper.aiKeywords ? { keywords: paper.aiKeywords } : {}),
    identifier: { '@type': 'PropertyValue', propertyID: 'arXiv', value: paper.id },
    sameAs: [arxivAbsUrl(paper.id), hfPaperUrl(paper.id)],
  };
}

/**
 * JSON for a <script type="application/ld+json"> block. `<` is escaped so no upstream string
 * can close the script element; U+2028/9 are escaped for old JavaScript parsers.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
