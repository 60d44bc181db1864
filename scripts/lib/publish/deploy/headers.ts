// The headers each kind of file the site has is served with from object storage, which (unlike
// GitHub Pages) knows nothing of file types or caching by itself.
import path from 'node:path';
import { FEED_FORMATS, feedContentType, feedFormats } from '../../../../src/lib/feeds/formats.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.opml': 'text/x-opml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  // /following/'s files, gzipped as written and unpacked by its script.
  '.gz': 'application/gzip',
};

/** Files by their whole name: the feeds (the site's one table of them), whose extension alone says too little. */
const NAMED: Record<string, string> = Object.fromEntries(feedFormats.map((format) => [FEED_FORMATS[format].file, feedContentType(format)]));

/**
 * The Content-Type of a file of the built site, by its path in dist/. Pagefind's index files
 * (.pf_meta, .pf_index, .pf_fragment, .pf_filter, and its compressed wasm, wasm.en.pagefind),
 * and ours beside them (.pf_order, .pf_authors), are gzip data the page's script reads itself:
 * bytes, with no Content-Encoding (a browser would unpack them first, which the scripts allow).
 */
export function contentType(file: string): string {
  return NAMED[path.posix.basename(file)] ?? TYPES[path.posix.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages, feeds and the search index's entry files change with every capture: five minutes. */
export const SHORT = 'public, max-age=300';

/**
 * Long and immutable for files whose name changes with their content: Astro's hashed assets, and
 * Pagefind's chunks (fragments, index, filters, the metadata file named by its hash). Short for
 * everything else, Pagefind's entry files (pagefind.js, pagefind-entry.json, the wasm, the date
 * order) included, since those keep their names while the index changes under them.
 */
export function cacheControl(file: string): string {
  if (file.startsWith('_astro/')) return IMMUTABLE;
  if (file.startsWith('pagefind/') && /\/(fragment|index|filter)\/[^/]+$|\.pf_meta$/.test(file)) return IMMUTABLE;
  return SHORT;
}
