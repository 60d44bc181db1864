// The archive, loaded from the content collection once per build and shared by every route,
// with what several routes derive from it.
import { getCollection } from 'astro:content';
import { topics } from '../topics.config.ts';
import { buildArchive, papersByTopic, type Archive, type TopicPaper } from './archive.ts';
import { relatedPapers } from './related.ts';

let archive: Promise<Archive> | undefined;
let byTopic: Promise<Map<string, TopicPaper[]>> | undefined;
let related: Promise<Map<string, string[]>> | undefined;

export function getArchive(): Promise<Archive> {
  archive ??= getCollection('days').then((entries) =>
    buildArchive(
      entries.map((entry) => entry.data),
      topics,
    ),
  );
  return archive;
}

/** Every topic's papers, newest listed first: for the topics index and the topic pages alike. */
export function getPapersByTopic(): Promise<Map<string, TopicPaper[]>> {
  byTopic ??= getArchive().then(papersByTopic);
  return byTopic;
}

/** Each paper's related papers (ids, most similar first), computed once for the whole archive. */
export function getRelated(): Promise<Map<string, string[]>> {
  related ??= getArchive().then((a) => {
    const started = performance.now();
    const map = relatedPapers(
      [...a.papers.values()].map(({ paper }) => ({ id: paper.id, title: paper.title, abstract: paper.abstract, keywords: paper.aiKeywords })),
    );
    // The benchmark reads this line (scripts/lib/build-log.ts).
    console.log(`[related] ${map.size} papers in ${((performance.now() - started) / 1000).toFixed(2)} s`);
    return map;
  });
  return related;
}
