// The search index of a built site: one Pagefind index per listing year, built one after the
// other from the archive's records (src/lib/search-records.ts), each in a fresh Pagefind process,
// so the indexer's memory follows the largest year, not the whole history. Beside each year's
// bundle, a date file lists its pages newest first: the search page sorts by date with it
// (see src/lib/search-merge.ts), so Pagefind's metadata carries one sort (upvotes), not two.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { close, createIndex } from 'pagefind';
import type { SearchRecord } from '../../src/lib/search-records.ts';
import { DATE_FILE, serializeDateOrder } from '../../src/lib/search-merge.ts';

export interface YearReport {
  year: string;
  papers: number;
  seconds: number;
}

export interface IndexReport {
  years: YearReport[];
  seconds: number;
}

// Pagefind writes its prebuilt UIs into every bundle; the search page uses none of them.
const UNUSED = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
];

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

async function pageHashes(bundle: string): Promise<Map<string, string>> {
  const dir = path.join(bundle, 'fragment');
  const byUrl = new Map<string, string>();
  for (const file of await readdir(dir)) {
    if (!file.endsWith('.pf_fragment')) continue;
    for (const [hash, url] of fragmentUrls(file.slice(0, -'.pf_fragment'.length), await readFile(path.join(dir, file)))) byUrl.set(url, hash);
  }
  return byUrl;
}

async function indexYear(bundle: string, records: readonly SearchRecord[]): Promise<void> {
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index || errors.length) throw new Error(`could not create the index: ${errors.join('; ')}`);
    for (const record of records) {
      const { url, content, language, meta, filters, sort } = record;
      const added = await index.addCustomRecord({ url, content, language, meta, filters, sort });
      if (added.errors.length) throw new Error(`could not index ${record.url}: ${added.errors.join('; ')}`);
    }
    const written = await index.writeFiles({ outputPath: bundle });
    if (written.errors.length) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
  } finally {
    // Ends the binary: the next year starts a fresh process with nothing of this one in memory.
    await close();
  }
}

/** Index each year into `<site>/pagefind/<year>/`, newest year first. */
export async function buildSearchIndexes(site: string, byYear: ReadonlyMap<string, readonly SearchRecord[]>): Promise<IndexReport> {
  const started = performance.now();
  const root = path.join(site, 'pagefind');
  await rm(root, { recursive: true, force: true });
  const years: YearReport[] = [];
  for (const [year, records] of byYear) {
    const yearStarted = performance.now();
    const bundle = path.join(root, year);
    try {
      await indexYear(bundle, records);
      const hashes = await pageHashes(bundle);
      const order = [...records]
        .sort((a, b) => (a.meta.listed! < b.meta.listed! ? 1 : a.meta.listed! > b.meta.listed! ? -1 : a.rank - b.rank))
        .map((record) => {
          const hash = hashes.get(record.url);
          if (!hash) throw new Error(`no page written for ${record.url}`);
          return { date: record.meta.listed!, hash };
        });
      await writeFile(path.join(bundle, DATE_FILE), gzipSync(serializeDateOrder(order), { level: 9 }));
      await Promise.all(UNUSED.map((file) => rm(path.join(bundle, file), { force: true })));
    } catch (cause) {
      throw new Error(`Pagefind, year ${year}: ${(cause as Error).message}`, { cause });
    }
    years.push({ year, papers: records.length, seconds: (performance.now() - yearStarted) / 1000 });
  }
  return { years, seconds: (performance.now() - started) / 1000 };
}
