import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseApiBody } from '../../scripts/lib/capture/days/hub.ts';
import { mergeDay } from '../../scripts/lib/capture/days/merge.ts';
import { chooseTitle, normalizeItem } from '../../scripts/lib/capture/days/normalize.ts';
import type { ApiItem } from '../../src/lib/schema.ts';
import { apiItem } from '../helpers/items.ts';
import { describeShared, sharedPath } from '../helpers/shared.ts';

const listed = (...specs: Parameters<typeof apiItem>[0][]) => parseApiBody(JSON.stringify(specs.map(apiItem))).map(normalizeItem);
const T1 = '2026-03-06T06:00:00.000Z';
const T2 = '2026-03-07T06:00:00.000Z';

describe('normalizeItem', () => {
  it('flattens each era of the format to the same shape, collapsing arXiv line wraps', () => {
    for (const era of ['2024', '2025', '2026'] as const) {
      const [paper] = listed({ id: '2406.12345', era, title: 'A Long\n  Title', abstract: 'Line one\nline two.' });
      expect(paper).toMatchObject({ id: '2406.12345', title: 'A Long Title', abstract: 'Line one line two.', authors: ['Ada Lovelace', 'Alan Turing'] });
      expect(paper?.listedAt).toMatch(/^2026-03-06T/);
    }
  });

  it('keeps LaTeX as written and drops links that are not http(s)', () => {
    const [paper] = listed({
      id: '2406.00001',
      title: '$\\nabla^2$DFT',
      projectPage: 'javascript:alert(1)',
      githubRepo: 'https://github.com/a/b',
      githubStars: 5,
    });
    expect(paper?.title).toBe('$\\nabla^2$DFT');
    expect(paper).not.toHaveProperty('projectPage');
    expect(paper).toMatchObject({ githubRepo: 'https://github.com/a/b', githubStars: 5 });
  });
});

describe('authors’ hub accounts', () => {
  it('keeps the account of each author who has one, by name, and none at all when no author has', () => {
    const [claimed] = listed({
      id: '2406.00002',
      authors: ['Kai Chen', 'Ziwei Liu', 'Zoë Müller'],
      accounts: { 'Kai Chen': 'kaichen', 'Zoë Müller': 'zoe.m' },
    });
    expect(claimed?.authorAccounts).toEqual({ 'Kai Chen': 'kaichen', 'Zoë Müller': 'zoe.m' });
    const [unclaimed] = listed({ id: '2406.00003' });
    expect(unclaimed).not.toHaveProperty('authorAccounts');
  });

  it('reads an account it does not recognise as none, and never fails the capture for it', () => {
    const item = apiItem({ id: '2406.00004', authors: ['A', 'B', 'C'] });
    const authors = (item.paper as { authors: Record<string, unknown>[] }).authors;
    authors[0]!.user = { user: '../../etc' };
    authors[1]!.user = 'not an object';
    authors[2]!.user = { user: 'fine-name' };
    const [paper] = parseApiBody(JSON.stringify([item])).map(normalizeItem);
    expect(paper?.authorAccounts).toEqual({ C: 'fine-name' });
  });
});

describe('chooseTitle', () => {
  it("takes the item's title when it keeps LaTeX the paper's plain copy lost, else the plain copy", () => {
    const withMath = parseApiBody(
      JSON.stringify([{ ...apiItem({ id: '2406.14347', title: 'nabla^2DFT: A Dataset' }), title: '$\\nabla^2$DFT: A\n  Dataset' }]),
    )[0]!;
    expect(chooseTitle(withMath)).toBe('$\\nabla^2$DFT: A Dataset');
    const textMacro = parseApiBody(
      JSON.stringify([{ ...apiItem({ id: '2405.14906', title: 'AutoCoder: AIEV-Instruct' }), title: 'AutoCoder: \\textsc{AIEV-Instruct}' }]),
    )[0]!;
    expect(chooseTitle(textMacro)).toBe('AutoCoder: AIEV-Instruct');
  });
});

describe('mergeDay', () => {
  it('adds new papers, updates counts, and keeps a paper the listing later dropped', () => {
    const first = mergeDay(undefined, '2026-03-06', listed({ id: '2603.00001', upvotes: 5 }, { id: '2603.00002', upvotes: 3 }), T1);
    expect(first).toMatchObject({ added: ['2603.00001', '2603.00002'], changed: true });
    const second = mergeDay(first.day, '2026-03-06', listed({ id: '2603.00002', upvotes: 9 }, { id: '2603.00003', upvotes: 1 }), T2);
    expect(second).toMatchObject({ added: ['2603.00003'], updated: ['2603.00002'], retained: ['2603.00001'] });
    expect(second.day.papers.map((p) => [p.id, p.upvotes])).toEqual([
      ['2603.00002', 9],
      ['2603.00001', 5],
      ['2603.00003', 1],
    ]);
    const kept = second.day.papers.find((p) => p.id === '2603.00002')!;
    expect(kept.firstSeenAt).toBe(T1);
    expect(kept.lastSeenAt).toBe(T2);
  });

  it('never lowers a count with an older capture, and keeps fields the hub omitted', () => {
    const first = mergeDay(
      undefined,
      '2026-03-06',
      listed({ id: '2603.00001', upvotes: 40, comments: 3, githubRepo: 'https://github.com/a/b', githubStars: 100 }),
      T1,
    );
    const second = mergeDay(first.day, '2026-03-06', listed({ id: '2603.00001', upvotes: 12, comments: 1, githubRepo: 'https://github.com/a/b' }), T2);
    expect(second.day.papers[0]).toMatchObject({ upvotes: 40, comments: 3, githubStars: 100 });
    expect(second.changed).toBe(false);
  });

  it('leaves an unchanged day exactly as it was, capture times included', () => {
    const first = mergeDay(undefined, '2026-03-06', listed({ id: '2603.00001', upvotes: 5 }), T1);
    const again = mergeDay(first.day, '2026-03-06', listed({ id: '2603.00001', upvotes: 5 }), T2);
    expect(again.changed).toBe(false);
    expect(again.day).toBe(first.day);
  });

  it('with force, replaces the listing but keeps when papers were first seen', () => {
    const first = mergeDay(undefined, '2026-03-06', listed({ id: '2603.00001', upvotes: 50 }, { id: '2603.00002' }), T1);
    const forced = mergeDay(first.day, '2026-03-06', listed({ id: '2603.00001', upvotes: 7 }), T2, { force: true });
    expect(forced.day.papers).toHaveLength(1);
    expect(forced.day.papers[0]).toMatchObject({ upvotes: 7, firstSeenAt: T1 });
  });

  it('with force, a listing that is a strict subset with the same values replaces the day', () => {
    const first = mergeDay(undefined, '2026-03-06', listed({ id: '2603.00001', upvotes: 5 }, { id: '2603.00002', upvotes: 3 }), T1);
    const forced = mergeDay(first.day, '2026-03-06', listed({ id: '2603.00001', upvotes: 5 }), T2, { force: true });
    expect(forced).toMatchObject({ changed: true, added: [], updated: [], dropped: ['2603.00002'], retained: [] });
    expect(forced.day.papers.map((p) => p.id)).toEqual(['2603.00001']);
    // Without force the same listing keeps the paper and changes nothing.
    const kept = mergeDay(first.day, '2026-03-06', listed({ id: '2603.00001', upvotes: 5 }), T2);
    expect(kept).toMatchObject({ changed: false, dropped: [], retained: ['2603.00002'] });
    expect(kept.day).toBe(first.day);
  });
});

describeShared('merging real captures of the same day', () => {
  const load = (folder: string, date: string): ApiItem[] => parseApiBody(readFileSync(sharedPath(folder, `${date}.json`), 'utf8'));

  it.each(['2024-06-12', '2025-01-22'])('%s: earlier then later capture holds every paper of both, with the later counts', (date) => {
    const earlier = load('daily_papers-earlier', date).map(normalizeItem);
    const later = load('daily_papers', date).map(normalizeItem);
    const one = mergeDay(undefined, date, earlier, T1);
    const two = mergeDay(one.day, date, later, T2);
    const ids = new Set([...earlier, ...later].map((p) => p.id));
    expect(two.day.papers.map((p) => p.id).sort()).toEqual([...ids].sort());
    for (const paper of later) expect(two.day.papers.find((p) => p.id === paper.id)!.upvotes).toBeGreaterThanOrEqual(paper.upvotes);
    // Importing the earlier capture again changes nothing: it is older, not better, data.
    expect(mergeDay(two.day, date, earlier, T2).changed).toBe(false);
    const upvotes = two.day.papers.map((p) => p.upvotes);
    expect(upvotes).toEqual([...upvotes].sort((a, b) => b - a));
  });
});
