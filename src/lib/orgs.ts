// Organizations, pure: each one's papers (newest listed first), and its handle as a path. The
// handle is the path as Hugging Face spells it (`/orgs/ByteDance-Seed/`); characters a path
// cannot carry as they are, and handles that differ only in case (which collide on
// case-insensitive file systems and hosts), still get working, distinct paths.
import { newestListings, type Archive, type Listing } from './archive.ts';

export interface Org {
  /** The handle, as Hugging Face spells it. */
  name: string;
  /** The newest full name seen, if any. */
  fullname?: string;
  /** The path segment: see orgSegments. */
  segment: string;
  /** Newest listed first, in each day's order. */
  papers: Listing[];
  /** The last day any of its papers was listed. */
  newest: string;
}

const SAFE = /[A-Za-z0-9_.-]/;

/** A handle with every character outside [A-Za-z0-9_.-] (and a leading dot) written as `~hex~`. */
export function escapeHandle(handle: string): string {
  return [...handle].map((char, i) => (SAFE.test(char) && !(i === 0 && char === '.') ? char : `~${char.codePointAt(0)!.toString(16)}~`)).join('');
}

/**
 * Path segments for a set of handles. A handle sharing its lowercase form with another gets `~c`
 * and the positions of its capitals (`Qwen~c0`, `qwen~c`), so none of them can overwrite another's
 * folder on a case-insensitive disk or host.
 */
export function orgSegments(handles: Iterable<string>): Map<string, string> {
  const byFold = new Map<string, string[]>();
  for (const handle of new Set(handles)) {
    const fold = handle.toLowerCase();
    byFold.set(fold, [...(byFold.get(fold) ?? []), handle]);
  }
  const segments = new Map<string, string>();
  for (const group of byFold.values()) {
    for (const handle of group) {
      const capitals = [...handle].flatMap((char, i) => (char !== char.toLowerCase() ? [i] : []));
      segments.set(handle, group.length > 1 ? `${escapeHandle(handle)}~c${capitals.join('.')}` : escapeHandle(handle));
    }
  }
  return segments;
}

/** What a reader calls an organization: its full name, else its handle. */
export const orgName = (org: { name: string; fullname?: string | undefined }): string => org.fullname ?? org.name;

/** Every organization of the archive, by handle, in one pass. */
export function buildOrgs(archive: Archive): Org[] {
  const orgs = new Map<string, Omit<Org, 'segment'>>();
  for (const listing of newestListings(archive)) {
    const { date, record } = listing;
    const org = record.paper.organization;
    if (!org) continue;
    let entry = orgs.get(org.name);
    if (!entry) orgs.set(org.name, (entry = { name: org.name, papers: [], newest: date }));
    if (org.fullname && !entry.fullname) entry.fullname = org.fullname;
    entry.papers.push(listing);
  }
  const segments = orgSegments(orgs.keys());
  return [...orgs.values()]
    .map((org) => ({ ...org, segment: segments.get(org.name)! }))
    .sort((a, b) => b.papers.length - a.papers.length || (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name < b.name ? -1 : 1));
}
