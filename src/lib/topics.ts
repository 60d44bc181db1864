// Topic matching: a paper's title, abstract, AI keywords (or, when a topic asks, its authors'
// names) against each topic's terms.
import type { Paper } from './schema.ts';

export interface Topic {
  /** URL segment: /topics/<slug>/. Lowercase letters, digits and dashes. */
  slug: string;
  name: string;
  /** One line, shown on the topics page and in the topic's feeds. */
  description: string;
  /** Words or phrases; `*` at the end matches any word ending. */
  terms: string[];
  /** A paper matching any of these is not in the topic. */
  exclude?: string[];
  /**
   * Which fields the terms are matched against (default: title, abstract and keywords). Words that
   * nearly every abstract uses in passing ("benchmarks", "LLMs") make a topic precise only on title
   * and keywords. `authors` matches the authors' names, one name a line: a feed of the people you follow.
   */
  fields?: TopicField[];
}

export type TopicField = 'title' | 'abstract' | 'keywords' | 'authors';
const DEFAULT_FIELDS: readonly TopicField[] = ['title', 'abstract', 'keywords'];

export interface CompiledTopic extends Topic {
  match: (paper: TopicInput) => boolean;
}

export type TopicInput = Pick<Paper, 'title' | 'abstract' | 'aiKeywords'> & Partial<Pick<Paper, 'authors'>>;

function termPattern(term: string): string {
  const wildcard = term.endsWith('*');
  const body = (wildcard ? term.slice(0, -1) : term)
    .trim()
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\s+/g, '[\\s-]+');
  return wildcard ? `${body}[\\p{L}\\p{N}-]*` : body;
}

/** One regex per list of terms, bounded so `RL` does not match inside `URL` or `RLHF`. */
export function compileTerms(terms: readonly string[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(termPattern).join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

export function compileTopics(topics: readonly Topic[]): CompiledTopic[] {
  const slugs = new Set<string>();
  return topics.map((topic) => {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(topic.slug)) throw new Error(`topics.config.ts: slug "${topic.slug}" must be lowercase letters, digits and dashes`);
    if (slugs.has(topic.slug)) throw new Error(`topics.config.ts: slug "${topic.slug}" is used twice`);
    slugs.add(topic.slug);
    if (topic.terms.length === 0) throw new Error(`topics.config.ts: topic "${topic.slug}" has no terms`);
    const include = compileTerms(topic.terms)!;
    const exclude = compileTerms(topic.exclude ?? []);
    const fields = topic.fields ?? DEFAULT_FIELDS;
    return {
      ...topic,
      match: (paper: TopicInput) => {
        const text = topicText(paper, fields);
        return include.test(text) && !(exclude?.test(text) ?? false);
      },
    };
  });
}

/** The text a topic looks at, one field per line so a phrase never spans two fields. */
export function topicText(paper: TopicInput, fields: readonly TopicField[] = DEFAULT_FIELDS): string {
  const parts: string[] = [];
  if (fields.includes('title')) parts.push(paper.title);
  if (fields.includes('abstract')) parts.push(paper.abstract);
  if (fields.includes('keywords')) parts.push(...(paper.aiKeywords ?? []));
  if (fields.includes('authors')) parts.push(...(paper.authors ?? []));
  return parts.join('\n');
}

export function topicsOf(paper: TopicInput, topics: readonly CompiledTopic[]): string[] {
  return topics.filter((topic) => topic.match(paper)).map((topic) => topic.slug);
}
