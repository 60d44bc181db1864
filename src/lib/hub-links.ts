// What came of each paper on the hub, pure: its code as of the freshest look (the listing's, or a
// later links check's), and the papers whose first model has appeared, newest first: the
// "weights released" page and feeds.
import type { Archive, PaperRecord } from './archive.ts';

export interface Code {
  githubRepo?: string | undefined;
  githubStars?: number | undefined;
  projectPage?: string | undefined;
}

/** The paper's code and project page from whichever look at the hub is newer: the day's listing, or the last links check. */
export function currentCode(record: PaperRecord): Code {
  const { paper, links } = record;
  return pick(links?.checkedAt !== undefined && !links.none && links.checkedAt > paper.lastSeenAt ? links : paper);
}

function pick(from: Code): Code {
  return {
    ...(from.githubRepo ? { githubRepo: from.githubRepo } : {}),
    ...(from.githubRepo && from.githubStars !== undefined ? { githubStars: from.githubStars } : {}),
    ...(from.projectPage ? { projectPage: from.projectPage } : {}),
  };
}

export interface Release {
  record: PaperRecord;
  /** The check that first saw a model citing the paper. */
  at: string;
}

/** Papers with a model citing them, by when the first was seen, newest first (ties by id). */
export function releases(archive: Archive): Release[] {
  const out: Release[] = [];
  for (const record of archive.papers.values()) if (record.links?.modelsSince) out.push({ record, at: record.links.modelsSince });
  return out.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.record.paper.id < b.record.paper.id ? -1 : 1));
}
