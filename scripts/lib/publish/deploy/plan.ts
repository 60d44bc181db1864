// What a deploy must do, from what dist/ holds and what the bucket holds by the last deploy's
// manifest: upload what is new or changed, delete what went away, leave the rest. The manifest is
// one object in the bucket, so a deploy where nothing changed costs one request, not one a file.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pMap from 'p-map';
import { z } from 'astro/zod';
import { siteFiles } from '../../build/site-size.ts';
import { cacheControl, contentType, SHORT } from './headers.ts';

/** Where the manifest is kept, beside the site's files under the prefix: no file of the site starts with a dot. */
export const MANIFEST = '.broadsheet-deploy.json.gz';

/** An entry whose upload was started and not seen to finish: it matches no file, so it is uploaded again, or deleted. */
export const PENDING = '';

/** Each key of the last deploy, with the hash of its content and headers. */
export type Manifest = Map<string, string>;

const ManifestFile = z.object({ version: z.literal(1), files: z.record(z.string(), z.string()) });

export interface LocalFile {
  /** Its path in dist/, which is its key under the prefix. */
  file: string;
  size: number;
  hash: string;
  type: string;
  cache: string;
}

/**
 * 128 bits of SHA-256 over the headers and the content: a file whose type or caching changes is
 * uploaded again too. Short, because the manifest holds one per file of the site.
 */
export function fileHash(type: string, cache: string, content: Uint8Array): string {
  return createHash('sha256').update(`${type}\n${cache}\n`).update(content).digest('base64url').slice(0, 22);
}

/** Every file of the built site, hashed a few files at a time: one open file per file of a whole site would run out of handles. */
export async function localFiles(dist: string): Promise<LocalFile[]> {
  const files = await siteFiles(dist);
  return pMap(
    files,
    async ({ file, size }) => {
      const type = contentType(file);
      const cache = cacheControl(file);
      return { file, size, type, cache, hash: fileHash(type, cache, await readFile(path.join(dist, file))) };
    },
    { concurrency: 32 },
  );
}

export interface Plan {
  upload: LocalFile[];
  /** Keys the last deploy left that dist/ no longer has. */
  remove: string[];
  unchanged: number;
}

export function plan(local: readonly LocalFile[], manifest: Manifest): Plan {
  const upload = local.filter((f) => manifest.get(f.file) !== f.hash);
  const here = new Set(local.map((f) => f.file));
  const remove = [...manifest.keys()].filter((key) => !here.has(key)).sort();
  return { upload: upload.sort((a, b) => order(a.file) - order(b.file) || (a.file < b.file ? -1 : 1)), remove, unchanged: local.length - upload.length };
}

/**
 * Upload order, in phases each finished before the next starts: the assets and search chunks
 * pages point to, then feeds and the search index's entry files, then the pages. A reader
 * mid-deploy never gets a new page whose stylesheet or index chunk is not there yet.
 */
function order(file: string): number {
  if (cacheControl(file) !== SHORT) return 0;
  return file.endsWith('.html') ? 2 : 1;
}

/** The uploads in their phases (empty phases left out). */
export function phases(upload: readonly LocalFile[]): LocalFile[][] {
  const byPhase: LocalFile[][] = [[], [], []];
  for (const file of upload) byPhase[order(file.file)]!.push(file);
  return byPhase.filter((phase) => phase.length);
}

/**
 * The manifest to leave while uploads are under way: the last one, with every key about to be
 * written marked pending. A deploy killed midway leaves it, and the next run re-sends those keys,
 * or deletes the ones dist/ no longer has.
 */
export function pendingManifest(manifest: Manifest, upload: readonly LocalFile[]): Manifest {
  const next = new Map(manifest);
  for (const file of upload) next.set(file.file, PENDING);
  return next;
}

/** The manifest after a complete deploy: dist/ as it is, and what was kept rather than deleted. */
export function finalManifest(local: readonly LocalFile[], manifest: Manifest, kept: readonly string[]): Manifest {
  const next: Manifest = new Map(kept.map((key) => [key, manifest.get(key) ?? PENDING]));
  for (const file of local) next.set(file.file, file.hash);
  return next;
}

export function encodeManifest(manifest: Manifest): Uint8Array {
  const files = Object.fromEntries([...manifest].sort(([a], [b]) => (a < b ? -1 : 1)));
  return gzipSync(JSON.stringify({ version: 1, files }));
}

/** The manifest read back; `key` names it in the error if it is not one. */
export function decodeManifest(bytes: Uint8Array, key: string): Manifest {
  let parsed;
  try {
    parsed = ManifestFile.safeParse(JSON.parse(gunzipSync(bytes).toString('utf8')));
  } catch (error) {
    throw new Error(`${key}: not a deploy manifest (${(error as Error).message}); delete it to upload every file again`, { cause: error });
  }
  if (!parsed.success)
    throw new Error(
      `${key}: not a deploy manifest (${parsed.error.issues[0]!.message} at ${parsed.error.issues[0]!.path.join('.') || 'the top'}); delete it to upload every file again`,
    );
  return new Map(Object.entries(parsed.data.files));
}
