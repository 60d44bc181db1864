// The archive, loaded from the content collection once per build and shared by every route,
// with what several routes derive from it.
import { getCollection } from 'astro:content';
import { topics } from '../topics.config.ts';
import { buildArchive, papersByTopic, type Archive, type TopicPaper } from './archive.ts';

let archive: Promise<Archive> | undefined;
let byTopic: Promise<Map<string, TopicPaper[]>> | undefined;

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
