// The search index of a built site: one Pagefind index per listing year, built one after the
// other from the archive's records (src/lib/search-records.ts), each in a fresh Pagefind process,
// so the indexer's memory follows the largest year, not the whole history. Beside each year's
// bundle, a date file lists its pages newest first: the search page sorts by date with it
// (see src/scripts/search/state.ts), so Pagefind's metadata carries one sort (upvotes), not two;
// an author index says which of them each person wrote (src/lib/author-index.ts); and a summary
// gives the filter panel its counts (year.json). With a cache folder, a year whose records and
// code did not change is copied from the last build rather than indexed again.
import { createHash } from 'node:crypto';
import { cp, mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex, type IndexFile } from 'pagefind';
import { authorIndex, authorShardPath } from '../../../src/lib/author-index.ts';
import { yearSummary, type SearchRecord } from '../../../src/lib/search-records.ts';
import { DATE_FILE, serializeDateOrder, YEAR_FILE } from '../../../src/scripts/search/state.ts';

export interface YearReport {
  year: string;
  papers: number;
  seconds: number;
  /** Copied from the cache: nothing that makes the year's bundle had changed. */
  reused: boolean;
}

export interface IndexReport {
  years: YearReport[];
  seconds: number;
}

// Pagefind writes its prebuilt UIs, a worker and a WebAssembly build for unknown languages into
// every bundle; the search page uses none of them (it runs Pagefind on the main thread, in English).
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'pagefind-worker.js',
  'wasm.unknown.pagefind',
];
/** The runtime: only the newest year's is loaded; older years merge into it (mergeIndex loads no wasm). */
const RUNTIME = /^(pagefind\.js|wasm\.[^/]+\.pagefind)$/;

/** Pagefind's fragment files, as written: `pagefind_dcd` then JSON, gzipped; a group maps hashes to fragments. */
export function fragmentUrls(name: string, bytes: Uint8Array): [hash: string, url: string][] {
  const text = gunzipSync(bytes).toString('utf8');
  const json = JSON.parse(text.startsWith('pagefind_dcd') ? text.slice(12) : text) as Record<string, unknown>;
  if (typeof json.url === 'string') return [[name, json.url]];
  return Object.entries(json as Record<string, { url?: unknown } | undefined>).map(([hash, fragment]) => {
    if (typeof fragment?.url !== 'string') throw new Error(`fragment ${name}: no url for page ${hash}`);
    return [hash, fragment.url];
  });
}

/** Records sent to Pagefind at a time: one round trip each left the indexer waiting (docs/performance.md). */
const IN_FLIGHT = 64;

/** Index one year in a fresh Pagefind process and take its files into memory. */
async function indexYear(records: readonly SearchRecord[]): Promise<IndexFile[]> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(`could not create the index: ${errors.join('; ')}`);
    for (let from = 0; from < records.length; from += IN_FLIGHT) {
      await Promise.all(
        records.slice(from, from + IN_FLIGHT).map(async ({ url, content, language, meta, filters, sort }) => {
          const added = await index.addCustomRecord({ url, content, language, meta, filters, sort });
          if (added.errors.length) throw new Error(`could not index ${url}: ${added.errors.join('; ')}`);
        }),
      );
    }
    const built = await index.getFiles();
    if (built.errors.length) throw new Error(`could not build the index: ${built.errors.join('; ')}`);
    return built.files;
  } finally {
    // Ends the binary: the next year starts a fresh process with nothing of this one in memory.
    await close();
  }
}

/**
 * Write a year's bundle, without Pagefind's unused UIs, and its date file. Node writes the files
 * itself, all at once, while Pagefind indexes the next year: creating ~10,000 small files one
 * after another was most of Pagefind's own writeFiles (docs/performance.md).
 */
async function writeBundle(bundle: string, files: readonly IndexFile[], records: readonly SearchRecord[], primary: boolean): Promise<void> {
  const hashes = new Map<string, string>();
  for (const file of files) {
    const match = /^fragment\/(.+)\.pf_fragment$/.exec(file.path);
    if (match) for (const [hash, url] of fragmentUrls(match[1]!, file.content)) hashes.set(url, hash);
  }
  // The records come in date order (src/lib/search-records.ts): the file keeps it.
  const order = records.map((record) => {
    const hash = hashes.get(record.url);
    if (!hash) throw new Error(`no page written for ${record.url}`);
    return { date: record.meta.listed!, hash };
  });
  const kept = files.filter((file) => !UNUSED.includes(file.path) && (primary || !RUNTIME.test(file.path)));
  // The author index counts positions in the date order: the records' order, as the date file keeps it.
  const authors = authorIndex(records.map((record) => record.authors));
  const ours = [
    { path: DATE_FILE, content: gzipSync(serializeDateOrder(order), { level: 9 }) },
    { path: YEAR_FILE, content: JSON.stringify(yearSummary(records, authors.shards)) },
    ...[...authors.files].map(([shard, text]) => ({ path: authorShardPath(shard), content: gzipSync(text, { level: 9 }) })),
  ];
  const all = [...kept, ...ours];
  for (const dir of new Set(all.map((file) => path.dirname(path.join(bundle, file.path))))) await mkdir(dir, { recursive: true });
  await Promise.all(all.map((file) => writeFile(path.join(bundle, file.path), file.content)));
}

/**
 * What decides a year's bundle besides its records: Pagefind's version and the code that writes
 * the bundle and our files beside it. A change to any of them is a new key, so a cache never
 * hands back a bundle this build would not write.
 */
async function codeKey(): Promise<string> {
  const hash = createHash('sha256');
  const own = (relative: string) => new URL(relative, import.meta.url);
  const sources = [
    own('./search-index.ts'),
    own('../../../src/lib/author-index.ts'),
    own('../../../src/scripts/search/state.ts'),
    own('../../../src/lib/search-records.ts'),
    own('../../../node_modules/pagefind/package.json'),
  ];
  for (const source of sources) hash.update(await readFile(source));
  return hash.digest('hex');
}

/** A year's cache key: the code, whether it is the primary (runtime-carrying) bundle, and its records. */
export function yearKey(code: string, records: readonly SearchRecord[], primary: boolean): string {
  return createHash('sha256')
    .update(code)
    .update(primary ? 'primary' : 'merged')
    .update(JSON.stringify(records))
    .digest('hex')
    .slice(0, 32);
}

/** The year's bundle from the cache, when it holds one for this key; true if copied. */
async function fromCache(cache: string, entry: string, bundle: string): Promise<boolean> {
  try {
    await cp(path.join(cache, entry), bundle, { recursive: true, errorOnExist: false });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/** Keep the year's new bundle as its only cache entry; written aside and renamed, so a half copy is never read. */
async function toCache(cache: string, year: string, entry: string, bundle: string): Promise<void> {
  await mkdir(cache, { recursive: true });
  const partial = path.join(cache, `.${entry}-${process.pid}`);
  await cp(bundle, partial, { recursive: true });
  for (const old of await readdir(cache)) if (old.startsWith(`${year}-`)) await rm(path.join(cache, old), { recursive: true, force: true });
  await rename(partial, path.join(cache, entry));
}

/**
 * Index each year into `<root>/<year>/` (the site's /pagefind/), newest year first. With `cache`, a
 * year found there under the same key is copied instead, and each year indexed is kept there.
 */
export async function buildSearchIndexes(
  root: string,
  byYear: ReadonlyMap<string, readonly SearchRecord[]>,
  options: { cache?: string | undefined } = {},
): Promise<IndexReport> {
  const started = performance.now();
  await rm(root, { recursive: true, force: true });
  // An empty archive (a fresh clone) has no year to index, but the site still has its folder.
  await mkdir(root, { recursive: true });
  const code = options.cache ? await codeKey() : '';
  const years: YearReport[] = [];
  const named = (year: string) => (cause: unknown) => new Error(`Pagefind, year ${year}: ${(cause as Error).message}`, { cause });
  // The previous year's files, being written while the next year is indexed; settles to its error, if any.
  let writing: Promise<Error | undefined> = Promise.resolve(undefined);
  for (const [year, records] of byYear) {
    const yearStarted = performance.now();
    const bundle = path.join(root, year);
    const primary = years.length === 0;
    const entry = options.cache && `${year}-${yearKey(code, records, primary)}`;
    if (options.cache && entry && (await fromCache(options.cache, entry, bundle))) {
      years.push({ year, papers: records.length, seconds: (performance.now() - yearStarted) / 1000, reused: true });
      continue;
    }
    let files: IndexFile[];
    try {
      files = await indexYear(records);
    } catch (cause) {
      await writing;
      throw named(year)(cause);
    }
    const failed = await writing;
    if (failed) throw failed;
    writing = writeBundle(bundle, files, records, primary)
      .then(() => (options.cache && entry ? toCache(options.cache, year, entry, bundle) : undefined))
      .then(() => undefined, named(year));
    years.push({ year, papers: records.length, seconds: (performance.now() - yearStarted) / 1000, reused: false });
  }
  const failed = await writing;
  if (failed) throw failed;
  return { years, seconds: (performance.now() - started) / 1000 };
}
