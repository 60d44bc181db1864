// The one schema, as its users meet it: what a day file and an upstream item may hold, and how a
// problem is named.
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { ApiItem, ArxivId, Day, describeIssues, IsoDateTime, Organization, Paper, WebUrl } from '../../src/lib/schema.ts';

const paper = {
  id: '2603.00001',
  title: 'T',
  abstract: 'A',
  authors: ['Ada'],
  upvotes: 1,
  comments: 0,
  firstSeenAt: '2026-03-06T06:00:00.000Z',
  lastSeenAt: '2026-03-06T06:00:00.000Z',
};

describe('arXiv ids', () => {
  it.each(['2406.12345', '0704.0001', '2406.1234', '2406.12345v2', 'hep-th/9901001', 'cs/0112017v1', 'math.AG/0601001', 'math-ph/0101001'])(
    'accepts %s',
    (id) => {
      expect(ArxivId.safeParse(id).success).toBe(true);
    },
  );
  it.each([
    'x2406.12345',
    '2406.12345x',
    '2406.123',
    '2406.123456',
    'hep-th/990100',
    'hep-th/99010011',
    'Hep-th/9901001',
    '1hep/9901001',
    'hep-th/990100a',
    '2406.12345v',
    '2406.12345vv2',
    'math.A/0601001',
    'math.ag/0601001',
    'math.AGX/0601001',
    '../../etc/passwd',
  ])('rejects %s, saying so', (id) => {
    const parsed = ArxivId.safeParse(id);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('not an arXiv id');
  });
});

describe('links and times', () => {
  it('keeps only http and https links', () => {
    for (const url of ['https://github.com/a/b', 'http://example.org/']) expect(WebUrl.safeParse(url).success, url).toBe(true);
    for (const url of ['javascript:alert(1)', 'ftp://example.org/', 'httpx://example.org/', 'xhttps://example.org/', 'data:text/html,hi', 'not a url'])
      expect(WebUrl.safeParse(url).success, url).toBe(false);
  });
  it('takes timestamps in UTC or with an offset, and nothing else', () => {
    for (const t of ['2024-05-27T03:50:58.348Z', '2024-05-27T05:50:58+02:00']) expect(IsoDateTime.safeParse(t).success, t).toBe(true);
    for (const t of ['2024-05-27', '2024-05-27 03:50:58', 'yesterday']) expect(IsoDateTime.safeParse(t).success, t).toBe(false);
  });
});

describe('a day file', () => {
  it('accepts a valid day and names what is wrong with an invalid one', () => {
    expect(Day.safeParse({ date: '2026-03-06', papers: [paper] }).success).toBe(true);
    const cases: [unknown, string][] = [
      [{ date: '2026-02-30', papers: [] }, 'date'],
      [{ date: '2026-03-06', papers: [{ ...paper, title: '' }] }, 'papers.0.title'],
      [{ date: '2026-03-06', papers: [{ ...paper, upvotes: -1 }] }, 'papers.0.upvotes'],
      [{ date: '2026-03-06', papers: [{ ...paper, comments: 1.5 }] }, 'papers.0.comments'],
      [{ date: '2026-03-06', papers: [{ ...paper, organization: { name: '' } }] }, 'papers.0.organization.name'],
      [{ date: '2026-03-06', papers: [{ ...paper, projectPage: 'javascript:alert(1)' }] }, 'papers.0.projectPage'],
      [{ date: '2026-03-06', papers: [{ ...paper, lastSeenAt: 'now' }] }, 'papers.0.lastSeenAt'],
    ];
    for (const [day, where] of cases) {
      const parsed = Day.safeParse(day);
      expect(parsed.success, where).toBe(false);
      expect(
        parsed.error!.issues.map((issue) => issue.path.join('.')),
        where,
      ).toContain(where);
    }
  });
  it('rejects a paper listed twice on one day, naming it', () => {
    const parsed = Day.safeParse({ date: '2026-03-06', papers: [paper, { ...paper, upvotes: 2 }] });
    expect(parsed.error!.issues).toEqual([expect.objectContaining({ path: ['papers', 1, 'id'], message: 'duplicate paper 2603.00001' })]);
  });
  it('needs a name for an organization, the full name is optional', () => {
    expect(Organization.safeParse({ name: 'qwen' }).success).toBe(true);
    expect(Organization.safeParse({ name: '' }).success).toBe(false);
    expect(Paper.safeParse({ ...paper, organization: { name: 'a', fullname: 'A Lab' } }).success).toBe(true);
  });
});

describe('an upstream item', () => {
  const item = { paper: { id: '2406.12345', title: 'T', summary: 'S', authors: [{ name: 'Ada' }], upvotes: 3 } };
  it('needs an id, a title, an abstract, authors and upvotes, and drops what it does not know', () => {
    expect(ApiItem.parse({ ...item, extra: 1 })).toEqual(item);
    expect(ApiItem.safeParse({ paper: { ...item.paper, title: '' } }).success).toBe(false);
    expect(ApiItem.safeParse({ paper: { ...item.paper, organization: { name: '' } } }).success).toBe(false);
    expect(ApiItem.safeParse({ ...item, organization: { name: '' } }).success).toBe(false);
    expect(ApiItem.safeParse({ paper: { ...item.paper, upvotes: '3' } }).success).toBe(false);
  });
});

describe('describeIssues', () => {
  const fail = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!;
  it('names up to three problems by path, and counts the rest', () => {
    const error = fail(z.array(z.number()), ['a', 'b', 'c', 'd', 'e']);
    expect(describeIssues(error)).toBe(
      '[0]: Invalid input: expected number, received string; [1]: Invalid input: expected number, received string; [2]: Invalid input: expected number, received string (+2 more)',
    );
    expect(describeIssues(error, 1)).toBe('[0]: Invalid input: expected number, received string (+4 more)');
    expect(describeIssues(fail(z.array(z.number()), ['a', 'b', 'c']))).not.toContain('more');
  });
  it('names nested fields with dots and indexes, and the root as (root)', () => {
    expect(describeIssues(fail(z.object({ a: z.array(z.object({ b: z.number() })) }), { a: [{ b: 'x' }] }))).toBe(
      'a[0].b: Invalid input: expected number, received string',
    );
    expect(describeIssues(fail(z.number(), 'x'))).toBe('(root): Invalid input: expected number, received string');
  });
});
