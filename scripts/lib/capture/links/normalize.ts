// The hub's answer about one paper -> what the archive keeps: the counts, the five most used of
// each kind (by downloads, or likes for Spaces) with what a reader needs, and the current code.
// Only repository ids the hub could have written are kept: they become links on the page.
import { collapseWhitespace, dropUndefined, webUrl } from '../days/normalize.ts';
import { RepoId, type ApiPaperLinks, type ApiRepo, type LinkedKind, type LinkedRepo, type LinksCheck, type PaperLinks } from '../../../../src/lib/schema.ts';

/** The most used repositories a paper's page shows of each kind. */
export const TOP = 5;

/** A count the hub wrote: a whole number of 0 or more, or none. */
const count = (n: number | undefined) => (n !== undefined && Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined);

/** Upstream text for one line: whitespace collapsed, no control characters, at most `max` UTF-16 units, never half a character as read. */
function line(text: string | undefined, max: number): string | undefined {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = text && collapseWhitespace(text.replace(/[\u0000-\u001f\u007f]/g, ' '));
  let out = '';
  for (const { segment } of graphemes.segment(clean ?? '')) {
    if (out.length + segment.length > max) break;
    out += segment;
  }
  return out || undefined;
}
/** What a reader sees as one character: a family emoji is one, however many code points it takes. */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

function repo(item: ApiRepo, kind: 'models' | 'datasets' | 'spaces'): LinkedRepo | undefined {
  if (!RepoId.safeParse(item.id).success) return undefined;
  return dropUndefined({
    id: item.id,
    downloads: kind === 'spaces' ? undefined : count(item.downloads),
    likes: count(item.likes),
    task: kind === 'models' ? line(item.pipeline_tag, 80) : undefined,
    emoji: kind === 'spaces' ? line(item.emoji, 16) : undefined,
    title: kind === 'spaces' ? line(item.title, 200) : undefined,
  });
}

/**
 * One kind: the total is the hub's count, or the list's length when the count is missing or
 * smaller (the lists can be shorter than their counts, never longer).
 */
function kind(list: readonly ApiRepo[] | undefined, total: number | undefined, name: 'models' | 'datasets' | 'spaces'): LinkedKind | undefined {
  const repos = (list ?? []).flatMap((item) => repo(item, name) ?? []);
  const unique = [...new Map(repos.map((r) => [r.id, r])).values()];
  const all = Math.max(count(total) ?? 0, unique.length);
  if (all === 0) return undefined;
  const used = (r: LinkedRepo) => (name === 'spaces' ? (r.likes ?? 0) : (r.downloads ?? 0));
  const top = unique.sort((a, b) => used(b) - used(a) || (b.likes ?? 0) - (a.likes ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, TOP);
  return { total: all, top };
}

/**
 * What to keep of the hub's answer, checked at `checkedAt`. An answer is news: a kind it lists
 * nothing of (models taken down) is gone, though `modelsSince` stays, since the weights were out.
 * A field it says nothing about at all (neither list nor count, no repository) is not news: the
 * hub stopped sending it, and what was recorded stays.
 */
/** At most this many checks are kept: the first, and the newest (the schedule asks about twelve times in a paper's first two years). */
const MAX_CHECKS = 60;

/** A paper's links as of one check, in counts; none if it was never answered. */
function checkOf(links: PaperLinks | undefined): LinksCheck | undefined {
  if (!links?.checkedAt) return undefined;
  return dropUndefined({
    at: links.checkedAt,
    models: links.models?.total,
    datasets: links.datasets?.total,
    spaces: links.spaces?.total,
    githubStars: links.githubStars,
  });
}

/** The checks so far and this one: a file from before checks were kept starts with its last check. */
function withCheck(previous: PaperLinks | undefined, links: PaperLinks): LinksCheck[] {
  const earlier = previous?.checks ?? [checkOf(previous)].filter((check): check is LinksCheck => check !== undefined);
  const all = [...earlier, checkOf(links)!];
  return all.length > MAX_CHECKS ? [all[0]!, ...all.slice(-(MAX_CHECKS - 1))] : all;
}

export function normalizeLinks(api: ApiPaperLinks, checkedAt: string, previous?: PaperLinks): PaperLinks {
  const kindOf = (name: 'models' | 'datasets' | 'spaces', list: readonly ApiRepo[] | undefined, total: number | undefined) =>
    list === undefined && total === undefined ? previous?.[name] : kind(list, total, name);
  const models = kindOf('models', api.linkedModels, api.numTotalModels);
  const answeredRepo = webUrl(api.githubRepo);
  const githubRepo = answeredRepo ?? previous?.githubRepo;
  const links: PaperLinks = dropUndefined({
    checkedAt,
    models,
    datasets: kindOf('datasets', api.linkedDatasets, api.numTotalDatasets),
    spaces: kindOf('spaces', api.linkedSpaces, api.numTotalSpaces),
    githubRepo,
    githubStars: answeredRepo ? (count(api.githubStars) ?? (answeredRepo === previous?.githubRepo ? previous.githubStars : undefined)) : previous?.githubStars,
    projectPage: webUrl(api.projectPage) ?? previous?.projectPage,
    modelsSince: previous?.modelsSince ?? (models ? checkedAt : undefined),
  });
  return { ...links, checks: withCheck(previous, links) };
}

/**
 * An ask that got no answer (a 404, a server error, a broken body): everything recorded stays,
 * with when and how the hub failed to answer, so the page can say what it shows is as of its last
 * answer, and the paper is asked again soon.
 */
export function unansweredLinks(previous: PaperLinks | undefined, at: string, problem: string): PaperLinks {
  const before = previous?.unanswered;
  return { ...previous, unanswered: { since: before?.since ?? at, at, times: (before?.times ?? 0) + 1, problem: problem.slice(0, 300) } };
}
