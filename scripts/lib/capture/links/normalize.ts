// The hub's answer about one paper -> what the archive keeps: the counts, the five most used of
// each kind (by downloads, or likes for Spaces) with what a reader needs, and the current code.
// Only repository ids the hub could have written are kept: they become links on the page.
import { collapseWhitespace, dropUndefined, webUrl } from '../days/normalize.ts';
import { RepoId, type ApiPaperLinks, type ApiRepo, type LinkedKind, type LinkedRepo, type PaperLinks } from '../../../../src/lib/schema.ts';

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

/** What to keep of the hub's answer, checked at `checkedAt`; `previous` keeps the day models first appeared. */
export function normalizeLinks(api: ApiPaperLinks, checkedAt: string, previous?: PaperLinks): PaperLinks {
  const models = kind(api.linkedModels, api.numTotalModels, 'models');
  const githubRepo = webUrl(api.githubRepo);
  return dropUndefined({
    checkedAt,
    models,
    datasets: kind(api.linkedDatasets, api.numTotalDatasets, 'datasets'),
    spaces: kind(api.linkedSpaces, api.numTotalSpaces, 'spaces'),
    githubRepo,
    githubStars: githubRepo ? count(api.githubStars) : undefined,
    projectPage: webUrl(api.projectPage),
    modelsSince: previous?.modelsSince ?? (models ? checkedAt : undefined),
  });
}

/** The hub has no page for the paper (404): no links yet, which is an answer like any other. */
export function noLinks(checkedAt: string, previous?: PaperLinks): PaperLinks {
  return dropUndefined({ checkedAt, none: true as const, modelsSince: previous?.modelsSince });
}
