// The archive, loaded from the content collection once per build and shared by every route.
import { getCollection } from 'astro:content';
import { topics } from '../topics.config.ts';
import { buildArchive, type Archive } from './archive.ts';

let archive: Promise<Archive> | undefined;

export function getArchive(): Promise<Archive> {
  archive ??= getCollection('days').then((entries) =>
    buildArchive(
      entries.map((entry) => entry.data),
      topics,
    ),
  );
  return archive;
}
