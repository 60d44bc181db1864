// BibTeX entries as a LaTeX user pastes them: compiled by BibTeX, whatever the title or names hold.
import { describe, expect, it } from 'vitest';
import { arxivYear, bibtex, bibtexName, bibtexTitle, citationKey, escapeBibtex } from '../../src/lib/cite.ts';

const paper = {
  id: '2406.14347',
  title: '$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset',
  authors: ['Kuzma Khrabrov', 'Anton Ber'],
  publishedAt: '2024-06-20T14:05:11.000Z',
};

describe('bibtex', () => {
  it('writes an arXiv @misc entry with the title’s LaTeX kept', () => {
    expect(bibtex(paper)).toBe(
      [
        '@misc{khrabrov2024dft,',
        '  title = {$\\nabla^2$DFT: A Universal Quantum Chemistry Dataset},',
        '  author = {Kuzma Khrabrov and Anton Ber},',
        '  year = {2024},',
        '  eprint = {2406.14347},',
        '  archivePrefix = {arXiv},',
        // arXiv's DOI for every paper: reference managers match and fetch by it.
        '  doi = {10.48550/arXiv.2406.14347},',
        '  url = {https://arxiv.org/abs/2406.14347}',
        '}',
      ].join('\n'),
    );
  });

  it('escapes every special character outside formulas', () => {
    expect(escapeBibtex('R&D 100% $5 #1 snake_case ~ ^ {x} \\')).toBe(
      'R\\&D 100\\% \\$5 \\#1 snake\\_case \\textasciitilde{} \\textasciicircum{} \\{x\\} \\textbackslash{}',
    );
    expect(bibtexTitle('Q&A for 100% of {Agents}: $\\tau$-bench_v2')).toBe('Q\\&A for 100\\% of \\{Agents\\}: $\\tau$-bench\\_v2');
    // A formula whose braces do not balance would break the entry: it is escaped as text.
    expect(bibtexTitle('A $\\frac{1}{$ Title')).toBe('A \\$\\textbackslash{}frac\\{1\\}\\{\\$ Title');
    expect(bibtexTitle('LLM$\\times$MapReduce')).toBe('LLM$\\times$MapReduce');
  });

  it('keeps every author of a 480-author paper, and a name with "and" or a comma as one person', () => {
    const authors = Array.from({ length: 480 }, (_, i) => `Author Number${i + 1}`);
    const entry = bibtex({ ...paper, authors });
    expect(entry.match(/author = \{(.*)\}/)![1]!.split(' and ')).toEqual(authors);
    expect(bibtexName('Tom and Jerry Lab')).toBe('{Tom and Jerry Lab}');
    expect(bibtexName('Smith, John')).toBe('{Smith, John}');
    expect(bibtexName('Anders Andersen')).toBe('Anders Andersen');
    expect(bibtexName('O_Brien & Co')).toBe('O\\_Brien \\& Co');
  });

  it('leaves out the author field for a paper with no authors, and keys it by the id', () => {
    const entry = bibtex({ id: '2406.00001', title: 'The Anonymous', authors: [] });
    expect(entry).not.toContain('author =');
    expect(entry).toMatch(/^@misc\{arxiv2024anonymous,\n {2}title = \{The Anonymous\},\n {2}year = \{2024\},/);
  });

  it('makes keys from the first author, the year and the first telling word, in ASCII', () => {
    expect(citationKey({ ...paper, authors: ['José Núñez'], title: 'The Über-Model: Ça Marche' })).toBe('nunez2024uber');
    expect(citationKey({ ...paper, title: '$\\tau$' })).toBe('khrabrov2024240614347');
    expect(citationKey({ ...paper, title: 'A Study of Things' })).toBe('khrabrov2024study');
  });

  it('takes the year from arXiv’s date, else from the id, old-style ids included', () => {
    expect(arxivYear({ id: '2406.12345', publishedAt: '2024-06-30T23:00:00.000Z' })).toBe('2024');
    expect(arxivYear({ id: '2501.00001' })).toBe('2025');
    expect(arxivYear({ id: 'hep-th/9901001' })).toBe('1999');
    expect(arxivYear({ id: 'math.AG/0601001' })).toBe('2006');
  });
});
