import { describe, expect, it } from 'vitest';
import { buildArchive, calendar, dayNeighbours, heatLevel, papersByTopic } from '../../src/lib/archive.ts';
import { stripXmlForbidden } from '../../src/lib/escape.ts';
import { hasMath, plainMath, renderMath, searchWords, splitMath } from '../../src/lib/math.ts';
import { paperPath, withBase } from '../../src/lib/paths.ts';
import type { Day } from '../../src/lib/schema.ts';
import { firstAuthors, shortSummary, truncate } from '../../src/lib/text.ts';
import { compileTerms, compileTopics, topicsOf, topicText, type Topic } from '../../src/lib/topics.ts';
import { paperBuilder } from '../helpers/papers.ts';

const paper = paperBuilder({ firstSeenAt: '2026-03-06T00:00:00.000Z', lastSeenAt: '2026-03-06T00:00:00.000Z' });

describe('math', () => {
  it('renders inline LaTeX as MathML and escapes the text around it', () => {
    const html = renderMath('<b>LLM</b>$\\times$MapReduce');
    expect(html).toMatch(/^&lt;b&gt;LLM&lt;\/b&gt;<span class="katex"><math/);
    expect(html).toContain('<mo>×</mo>');
    expect(html).toMatch(/MapReduce$/);
  });
  it('falls back to the escaped source for a formula that does not parse', () => {
    expect(renderMath('x $\\frac{<i>}{$ y')).toBe('x $\\frac{&lt;i&gt;}{$ y');
  });
  it('does not trust links or HTML extensions in formulas', () => {
    const html = renderMath('$\\href{javascript:alert(1)}{x}$ and $\\htmlData{a=b}{y}$');
    // The source survives only as escaped text in <annotation>; no link or attribute is made.
    expect(html).not.toMatch(/\shref=/);
    expect(html).not.toContain('data-a=');
  });
  it('gives a plain-text form for titles, leaving non-math text untouched', () => {
    expect(plainMath('LLM$\\times$MapReduce')).toBe('LLM×MapReduce');
    expect(plainMath('<script>x</script> $\\frac{1}{$')).toBe('<script>x</script> $\\frac{1}{$');
  });
  it('sets formulas apart by spaces for the search index', () => {
    expect(searchWords('LLM$\\times$MapReduce: Agents')).toBe('LLM × MapReduce: Agents');
  });
  it('leaves dollar amounts alone', () => {
    expect(hasMath('It costs $5 and $10 to run')).toBe(false);
    expect(splitMath('$τ$-bench')).toEqual([
      { kind: 'math', value: 'τ' },
      { kind: 'text', value: '-bench' },
    ]);
  });
  it('stops a formula at 100 macro expansions, which KaTeX alone would render (its default is 1000)', () => {
    const formula = (n: number) => `$\\def\\a{x}${'\\a'.repeat(n)}$`;
    expect(renderMath(formula(50))).toContain('<math');
    // Over the bound the formula falls back to its escaped source instead of rendering.
    expect(renderMath(formula(150))).not.toContain('<math');
    expect(renderMath(formula(150))).toContain('\\def\\a{x}');
  });
  it('bounds macro expansion instead of hanging the build', () => {
    const bomb = '$\\def\\a{\\b\\b}\\def\\b{\\c\\c}\\def\\c{\\d\\d}\\def\\d{xx}\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a$';
    expect(renderMath(bomb)).toContain('\\def');
  });
});

describe('archive', () => {
  const days: Day[] = [
    { date: '2026-03-05', papers: [paper('2603.00001', { upvotes: 3 }), paper('2603.00002')] },
    { date: '2026-03-09', papers: [paper('2603.00002', { upvotes: 9, lastSeenAt: '2026-03-09T00:00:00.000Z' })] },
    { date: '2026-03-06', papers: [paper('2603.00003', { title: 'Robot arms' })] },
  ];
  const topics: Topic[] = [{ slug: 'robotics', name: 'Robotics', description: 'Robots.', terms: ['robot*'] }];
  const archive = buildArchive(days, topics);

  it('orders days newest first and finds neighbours across weekends', () => {
    expect(archive.days.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-06', '2026-03-05']);
    expect(dayNeighbours(archive, '2026-03-06')).toEqual({ previous: '2026-03-05', next: '2026-03-09' });
    expect(dayNeighbours(archive, '2026-03-09')).toEqual({ previous: '2026-03-06' });
  });
  it('knows every day a paper was listed on, with its freshest capture', () => {
    const record = archive.papers.get('2603.00002')!;
    expect(record.days).toEqual(['2026-03-05', '2026-03-09']);
    expect(record.paper.upvotes).toBe(9);
    expect(archive.updatedAt).toBe('2026-03-09T00:00:00.000Z');
  });
  it('groups papers by topic, newest listed first', () => {
    expect(
      papersByTopic(archive)
        .get('robotics')!
        .map((e) => e.record.paper.id),
    ).toEqual(['2603.00003']);
  });
  it('lays each year out as Monday-first weeks, with levels by count', () => {
    const [year] = calendar([
      { date: '2026-03-05', count: 10 },
      { date: '2026-03-06', count: 40 },
    ]);
    expect(year!.weeks.flat().filter(Boolean)).toHaveLength(365);
    expect(year!.weeks[0]!.slice(0, 3)).toEqual([null, null, null]); // 2026-01-01 is a Thursday
    expect(year!.months).toEqual([
      {
        month: '2026-03',
        days: [
          { date: '2026-03-06', count: 40 },
          { date: '2026-03-05', count: 10 },
        ],
      },
    ]);
    expect([heatLevel(0, 40), heatLevel(1, 40), heatLevel(40, 40)]).toEqual([0, 1, 4]);
  });
});

describe('topics', () => {
  const [rl, agents, bench] = compileTopics([
    { slug: 'rl', name: 'RL', description: '', terms: ['RL', 'reinforcement learning'] },
    { slug: 'agents', name: 'Agents', description: '', terms: ['agent*'], exclude: ['reagent*'] },
    { slug: 'bench', name: 'Benchmarks', description: '', terms: ['benchmark*'], fields: ['title', 'keywords'] },
  ]);
  const p = (title: string, abstract = '', aiKeywords?: string[]) => ({ title, abstract, ...(aiKeywords ? { aiKeywords } : {}) });
  it('matches whole words only, case-insensitively', () => {
    expect(rl!.match(p('Scaling RL to long horizons'))).toBe(true);
    expect(rl!.match(p('A URL shortener and RLHF'))).toBe(false);
    expect(rl!.match(p('Reinforcement\nLearning')).valueOf()).toBe(true);
  });
  it('expands a trailing * and honours exclusions', () => {
    expect(agents!.match(p('Agentic search'))).toBe(true);
    expect(agents!.match(p('Agents for reagents'))).toBe(false);
  });
  it('looks only at the fields a topic names', () => {
    expect(bench!.match(p('A method', 'We beat every benchmark.'))).toBe(false);
    expect(bench!.match(p('A method', '', ['benchmark']))).toBe(true);
  });
  it('rejects a bad slug, a duplicate or a topic without terms, with a message naming it', () => {
    expect(() => compileTopics([{ slug: 'Bad Slug', name: '', description: '', terms: ['x'] }])).toThrow(
      'topics.config.ts: slug "Bad Slug" must be lowercase letters, digits and dashes',
    );
    expect(() => compileTopics([{ slug: '-x', name: '', description: '', terms: ['x'] }])).toThrow('slug "-x"');
    expect(() => compileTopics([{ slug: 'x-', name: '', description: '', terms: ['x'] }])).toThrow('slug "x-"');
    const twice = { slug: 'a-1', name: '', description: '', terms: ['x'] };
    expect(() => compileTopics([twice, twice])).toThrow('topics.config.ts: slug "a-1" is used twice');
    expect(() => compileTopics([{ slug: 'empty', name: '', description: '', terms: [] }])).toThrow('topics.config.ts: topic "empty" has no terms');
  });
  it('matches phrases across spaces and hyphens, escapes regex characters, and reads keywords', () => {
    const [phrase, special] = compileTopics([
      { slug: 'p', name: '', description: '', terms: ['chain of thought'] },
      { slug: 's', name: '', description: '', terms: ['C++', 'a.b'] },
    ]);
    expect(phrase!.match(p('Chain-of-Thought prompting'))).toBe(true);
    expect(phrase!.match(p('Chain of\nThought'))).toBe(true);
    expect(phrase!.match(p('chainofthought'))).toBe(false);
    expect(special!.match(p('Fast C++ kernels'))).toBe(true);
    expect(special!.match(p('axb'))).toBe(false);
    expect(topicsOf(p('Nothing here', '', ['chain of thought']), [phrase!])).toEqual(['p']);
    expect(topicText(p('T', 'A', ['k1', 'k2']))).toBe('T\nA\nk1\nk2');
    expect(topicText(p('T', 'A', ['k1']), ['keywords'])).toBe('k1');
    expect(compileTerms([])).toBeUndefined();
  });
  it('topicsOf returns slugs in configuration order', () => {
    expect(topicsOf(p('RL agents'), [rl!, agents!, bench!])).toEqual(['rl', 'agents']);
  });
});

describe('text and paths', () => {
  it('shortens author lists and summaries', () => {
    expect(firstAuthors(['A', 'B'])).toBe('A and B');
    expect(firstAuthors(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, C and 2 others');
    expect(truncate('one two three four', 10)).toBe('one two…');
    expect(shortSummary({ abstract: 'Abstract.', aiSummary: 'AI.' })).toBe('AI.');
  });
  it('builds permanent paths, with the base', () => {
    expect(paperPath('hep-th/9901001')).toBe('/papers/hep-th/9901001/');
    expect(withBase('/days/', '/archive/')).toBe('/archive/days/');
    expect(withBase('/days/', '/')).toBe('/days/');
  });
  it('strips characters XML forbids', () => {
    expect(stripXmlForbidden('a\u0007b\u0000c\uFFFEd\tok')).toBe('abcd\tok');
  });
});
