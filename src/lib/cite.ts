// A BibTeX entry for a paper, as arXiv's own export shapes it (@misc with eprint and
// archivePrefix). Formulas in titles stay LaTeX; everything else has BibTeX's special characters
// escaped, so any upstream title or name gives an entry that LaTeX compiles.
import { splitMath } from './tex.ts';
import { arxivDoi } from './arxiv-ids.ts';
import { arxivAbsUrl } from './paths.ts';
import type { Paper } from './schema.ts';

const SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text outside math: every character BibTeX or LaTeX treats specially, escaped. */
export function escapeBibtex(text: string): string {
  return text.replace(/[\\{}&%$#_~^]/g, (char) => SPECIAL[char]!);
}

/** Braces in a formula must balance, or the entry's own braces would break. */
function balanced(tex: string): boolean {
  let depth = 0;
  for (let i = 0; i < tex.length; i++) {
    if (tex[i] === '\\') i++;
    else if (tex[i] === '{') depth++;
    else if (tex[i] === '}' && --depth < 0) return false;
  }
  return depth === 0;
}

/** A title with its formulas kept as LaTeX (`$\nabla^2$DFT`) and the rest escaped. */
export function bibtexTitle(title: string): string {
  return splitMath(title)
    .map((segment) =>
      segment.kind === 'math' && balanced(segment.value) ? `$${segment.value}$` : escapeBibtex(segment.kind === 'math' ? `$${segment.value}$` : segment.value),
    )
    .join('');
}

/** A name BibTeX reads as one person: a literal " and " or a comma would split or reorder it. */
export function bibtexName(name: string): string {
  const escaped = escapeBibtex(name);
  return /\sand\s|,/i.test(name) ? `{${escaped}}` : escaped;
}

/** The year arXiv gives: from its publication time, else from the id (2406.12345, hep-th/9901001). */
export function arxivYear(paper: Pick<Paper, 'id' | 'publishedAt'>): string {
  if (paper.publishedAt) return paper.publishedAt.slice(0, 4);
  const yy = paper.id.match(/^(\d{2})\d{2}\./)?.[1] ?? paper.id.match(/\/(\d{2})/)?.[1] ?? '00';
  return `${Number(yy) >= 91 ? '19' : '20'}${yy}`;
}

const STOP = new Set(['a', 'an', 'the', 'on', 'of', 'for', 'to', 'in', 'and', 'with', 'towards', 'toward', 'via', 'is', 'are']);
const ascii = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** `vaswani2017attention`: first author's last name, year, first word of the title that says something. */
export function citationKey(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt'>): string {
  const last = ascii(paper.authors[0]?.trim().split(/\s+/).at(-1) ?? '') || 'arxiv';
  const words = splitMath(paper.title)
    .filter((segment) => segment.kind === 'text')
    .flatMap((segment) => segment.value.split(/[^\p{L}\p{N}]+/u))
    .map(ascii)
    .filter((word) => word && !STOP.has(word));
  return `${last}${arxivYear(paper)}${words[0] ?? ascii(paper.id)}`;
}

export function bibtex(paper: Pick<Paper, 'id' | 'title' | 'authors' | 'publishedAt'>): string {
  const fields: [string, string][] = [['title', bibtexTitle(paper.title)]];
  if (paper.authors.length) fields.push(['author', paper.authors.map(bibtexName).join(' and ')]);
  fields.push(['year', arxivYear(paper)], ['eprint', paper.id], ['archivePrefix', 'arXiv'], ['doi', arxivDoi(paper.id)], ['url', arxivAbsUrl(paper.id)]);
  return `@misc{${citationKey(paper)},\n${fields.map(([name, value]) => `  ${name} = {${value}}`).join(',\n')}\n}`;
}
