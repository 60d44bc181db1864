// The size of the built site against GitHub Pages' limit: Pages refuses a site over 1 GB, and a
// deploy that fails there fails after the capture was committed, with a message about artifacts.
// The build says it first, naming the limit, and says where the bytes went, so an operator sees
// what grows with the archive.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_MAX_SITE_MB = 950;
const MB = 1e6;

export interface SiteFile {
  /** Relative to the site's root, with forward slashes. */
  file: string;
  size: number;
}

/** Every file below `dir`, with its size. */
export async function siteFiles(dir: string): Promise<SiteFile[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { file: path.relative(dir, file).split(path.sep).join('/'), size: (await stat(file)).size };
      }),
  );
}

const FEED = /(^|\/)(rss\.xml|atom\.xml|feed\.json)$/;

/** The sections a site's bytes are reported in, in the order the table lists them. */
export const SECTIONS = [
  'paper pages',
  'day pages',
  'day JSON',
  'topic pages',
  'topic feeds',
  'organization pages',
  'organization feeds',
  'weeks and months',
  'search index',
  'following',
  'site feeds',
  'other',
] as const;
export type Section = (typeof SECTIONS)[number];

/** Which section a built file counts in. */
export function sectionOf(file: string): Section {
  const [top] = file.split('/');
  if (top === 'papers') return 'paper pages';
  if (top === 'days') return file.endsWith('.json') ? 'day JSON' : 'day pages';
  if (top === 'topics') return FEED.test(file) ? 'topic feeds' : 'topic pages';
  if (top === 'orgs') return FEED.test(file) ? 'organization feeds' : 'organization pages';
  if (top === 'weeks' || top === 'months') return 'weeks and months';
  if (top === 'pagefind') return 'search index';
  // /following/ and the recent papers it reads: bounded by the days it covers, not the archive.
  if (top === 'following') return 'following';
  if (FEED.test(file) || file.endsWith('.opml')) return 'site feeds';
  return 'other';
}

/** Papers the site holds: one page each, at papers/<id>/index.html (old-style ids have a slash). */
export const isPaperPage = (file: string) => file.startsWith('papers/') && file.endsWith('/index.html');

export interface SectionSize {
  section: Section;
  bytes: number;
  files: number;
}

export function bySection(files: readonly SiteFile[]): SectionSize[] {
  const sizes = new Map<Section, SectionSize>(SECTIONS.map((section) => [section, { section, bytes: 0, files: 0 }]));
  for (const { file, size } of files) {
    const entry = sizes.get(sectionOf(file))!;
    entry.bytes += size;
    entry.files++;
  }
  return [...sizes.values()];
}

/** The table the build prints under its total: MB and KB per paper of each section. */
export function sectionTable(sections: readonly SectionSize[], papers: number): string {
  const rows = sections.filter((s) => s.files > 0);
  const width = Math.max(...SECTIONS.map((s) => s.length));
  const perPaper = (bytes: number) => (papers ? (bytes / 1e3 / papers).toFixed(2) : '–');
  const total = rows.reduce((sum, s) => sum + s.bytes, 0);
  return [
    `${'section'.padEnd(width)}  ${'MB'.padStart(8)}  ${'KB/paper'.padStart(8)}`,
    ...rows.map((s) => `${s.section.padEnd(width)}  ${(s.bytes / MB).toFixed(1).padStart(8)}  ${perPaper(s.bytes).padStart(8)}`),
    `${'all'.padEnd(width)}  ${(total / MB).toFixed(1).padStart(8)}  ${perPaper(total).padStart(8)}`,
  ].join('\n');
}

/**
 * MAX_SITE_MB from the environment: a positive number of megabytes (10^6 bytes), or `none` for a
 * site not published to GitHub Pages (object storage has no such limit).
 */
export function maxSiteMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.MAX_SITE_MB?.trim();
  if (!value) return DEFAULT_MAX_SITE_MB;
  if (value.toLowerCase() === 'none') return Infinity;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`MAX_SITE_MB=${value}: expected a positive number of megabytes, or none`);
  return mb;
}

export function sizeVerdict(size: { bytes: number; files: number }, limitMb: number): { ok: boolean; message: string } {
  const mb = size.bytes / MB;
  const limit = Number.isFinite(limitMb) ? `limit ${limitMb} MB, MAX_SITE_MB` : 'no limit, MAX_SITE_MB=none';
  const line = `dist: ${mb.toFixed(1)} MB in ${size.files.toLocaleString('en-US')} files (${limit})`;
  if (mb <= limitMb) return { ok: true, message: line };
  return {
    ok: false,
    message: `${line}: over the limit. GitHub Pages refuses sites over 1 GB; see "When the design hits a limit" in docs/performance.md for what to do.`,
  };
}
