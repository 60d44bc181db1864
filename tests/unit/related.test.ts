// Related papers and the sparkline, as pure functions.
import { describe, expect, it } from 'vitest';
import { sparkline } from '../../src/lib/charts.ts';
import { MAX_RELATED, relatedPapers, tokens } from '../../src/lib/related.ts';

const filler = (i: number) => ({
  id: `f${String(i).padStart(3, '0')}`,
  title: `Filler ${i} about robots`,
  abstract: `Robots walk on terrain number ${i}. Legged locomotion.`,
});

describe('relatedPapers', () => {
  it('finds a v2 by its name, the dataset behind a model, and never the paper itself', () => {
    const papers = [
      {
        id: 'a1',
        title: 'Zephyrix: An Open Vision Encoder',
        abstract: 'Zephyrix encodes images with hierarchical convolutions.',
        keywords: ['vision encoder'],
      },
      { id: 'a2', title: 'Zephyrix-2: Scaling the Open Vision Encoder', abstract: 'We scale Zephyrix to a billion parameters.', keywords: ['vision encoder'] },
      { id: 'd1', title: 'QuokkaSet: Ten Million Annotated Charts', abstract: 'A dataset of charts with captions.' },
      { id: 'm1', title: 'ChartSeer: Reading Charts', abstract: 'A model trained on QuokkaSet reads charts and answers questions.' },
      ...Array.from({ length: 30 }, (_, i) => filler(i)),
    ];
    const related = relatedPapers(papers);
    expect(related.get('a1')![0]).toBe('a2');
    expect(related.get('a2')![0]).toBe('a1');
    expect(related.get('d1')![0]).toBe('m1');
    for (const [id, list] of related) {
      expect(list, id).not.toContain(id);
      expect(list.length, id).toBeLessThanOrEqual(MAX_RELATED);
      expect(new Set(list).size).toBe(list.length);
    }
  });

  it('breaks ties by id, whatever the input order, so builds agree', () => {
    const twins = ['t3', 't1', 't2', 't4'].map((id) => ({ id, title: 'Identical Twins Study', abstract: 'Same words here exactly.' }));
    const papers = [...twins, ...Array.from({ length: 30 }, (_, i) => filler(i))];
    expect(relatedPapers(papers).get('t4')!.slice(0, 3)).toEqual(['t1', 't2', 't3']);
    expect(
      relatedPapers([...papers].reverse())
        .get('t4')!
        .slice(0, 3),
    ).toEqual(['t1', 't2', 't3']);
  });

  it('fills up to three from wider words when a paper has fewer telling neighbours', () => {
    // 300 papers in ten fields of 30: each field's word is too common to tell (over 20 papers),
    // and the papers have nothing rarer in common; the field still gives three neighbours.
    const fields = ['robots', 'chemistry', 'speech', 'proteins', 'weather', 'finance', 'music', 'maps', 'games', 'law'];
    const papers = Array.from({ length: 300 }, (_, i) => ({
      id: `p${String(i).padStart(3, '0')}`,
      title: `Work on ${fields[i % 10]}`,
      abstract: `${fields[i % 10]} matters.`,
    }));
    const related = relatedPapers(papers);
    expect(related.get('p007')).toEqual(['p017', 'p027', 'p037']);
  });

  it('reads words, not LaTeX commands, stopwords or numbers', () => {
    expect(tokens('$\\nabla^2$DFT: The 2024 Model of LLaVA-NeXT, a x')).toEqual(['dft', 'llava', 'next']);
  });
});

describe('sparkline', () => {
  it('puts time along x to scale and the value along y from the smallest to the largest', () => {
    const line = sparkline(
      [
        { at: '2026-03-06T00:00:00Z', value: 10 },
        { at: '2026-03-07T00:00:00Z', value: 60 },
        { at: '2026-03-10T00:00:00Z', value: 110 },
      ],
      100,
      20,
      0,
    )!;
    expect(line.points).toBe('0,20 25,10 100,0');
    expect(line.last).toEqual({ x: 100, y: 0 });
  });
  it('needs two points to draw a line', () => {
    expect(sparkline([{ at: '2026-03-06T00:00:00Z', value: 3 }])).toBeUndefined();
  });
});
