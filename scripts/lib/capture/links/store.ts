// The links files: what the hub links to each paper, one validated JSON file per listing day
// (src/content/links/YYYY-MM-DD.json), papers by id.
import path from 'node:path';
import { LinksDay } from '../../../../src/lib/schema.ts';
import { datedFiles } from '../store.ts';

export const DEFAULT_LINKS_DIR = 'src/content/links';

export function linksDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.LINKS_DIR || DEFAULT_LINKS_DIR);
}

/** The exact bytes of a links file: papers by id, two-space indent, trailing newline. */
export function serializeLinksDay(day: LinksDay): string {
  const parsed = LinksDay.parse(day);
  const papers = Object.fromEntries(Object.entries(parsed.papers).sort(([a], [b]) => (a < b ? -1 : 1)));
  return JSON.stringify({ date: parsed.date, papers }, null, 2) + '\n';
}

export const linksFiles = datedFiles(LinksDay, serializeLinksDay);
