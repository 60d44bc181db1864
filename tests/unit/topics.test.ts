// Topics: which papers a topic's terms match, and the configuration's mistakes named.
import { describe, expect, it } from 'vitest';
import { compileTerms, compileTopics, topicsOf, topicText } from '../../src/lib/topics.ts';

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
  it('matches authors’ names, each whole, when a topic reads the authors field', () => {
    const [people] = compileTopics([{ slug: 'people', name: 'People', description: '', terms: ['Kai Chen', 'Ziwei Liu'], fields: ['authors'] }]);
    expect(people!.match({ ...p('Unrelated'), authors: ['Ada', 'kai chen'] })).toBe(true);
    // Another person whose name begins the same, a name in the title, or no authors: not the topic.
    expect(people!.match({ ...p('Unrelated'), authors: ['Kai Cheng'] })).toBe(false);
    expect(people!.match({ ...p('What Ziwei Liu Said'), authors: ['Ada'] })).toBe(false);
    expect(people!.match(p('Unrelated'))).toBe(false);
    // The default fields never read the authors.
    expect(rl!.match({ ...p('Unrelated'), authors: ['RL Person'] })).toBe(false);
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
