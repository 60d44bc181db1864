// A deploy: read the last manifest, hash dist/, upload what changed (assets before the pages that
// use them), delete what went away once everything new is up, and write the new manifest. Each
// step leaves the bucket so that running the deploy again finishes the job.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import pMap from 'p-map';
import type { Bucket } from './bucket.ts';
import type { BucketConfig } from './config.ts';
import { decodeManifest, encodeManifest, finalManifest, localFiles, MANIFEST, pendingManifest, phases, plan, type Plan } from './plan.ts';

export interface DeployOptions {
  dist: string;
  config: BucketConfig;
  bucket: Bucket;
  dryRun?: boolean;
  /** Keep keys dist/ no longer has (they stay in the manifest, so a later deploy deletes them). */
  keep?: boolean;
  concurrency?: number;
  /** Progress and dry-run lines. */
  log?: (line: string) => void;
}

export interface DeploySummary {
  uploaded: number;
  deleted: number;
  /** Left in place by --no-delete. */
  kept: number;
  unchanged: number;
  /** Bytes of the site's files uploaded. */
  bytes: number;
  /** Bytes of manifest written (twice when anything changed: pending, then final). */
  manifestBytes: number;
  requests: number;
  plan: Plan;
}

/** A failure naming the key it happened on, as S3 errors are described for the one-line message. */
export class KeyError extends Error {
  readonly key: string;
  constructor(key: string, cause: unknown) {
    super(key, { cause });
    this.key = key;
  }
}

export async function deploy({ dist, config, bucket, dryRun = false, keep = false, concurrency = 16, log = () => {} }: DeployOptions): Promise<DeploySummary> {
  const manifestKey = config.prefix + MANIFEST;
  const attempt = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new KeyError(key, error);
    }
  };

  const stored = await attempt(manifestKey, () => bucket.get(manifestKey));
  const manifest = stored ? decodeManifest(stored, manifestKey) : new Map<string, string>();
  const local = await localFiles(dist);
  const todo = plan(local, manifest);
  const summary: DeploySummary = { uploaded: 0, deleted: 0, kept: 0, unchanged: todo.unchanged, bytes: 0, manifestBytes: 0, requests: 0, plan: todo };

  if (dryRun) {
    for (const file of todo.upload) log(`upload ${config.prefix}${file.file}`);
    for (const key of todo.remove) log(`${keep ? 'keep' : 'delete'} ${config.prefix}${key}`);
    summary.requests = bucket.requests;
    return summary;
  }

  const writeManifest = async (next: Map<string, string>) => {
    const body = encodeManifest(next);
    await attempt(manifestKey, () => bucket.put(manifestKey, body, { type: 'application/gzip', cache: 'no-store' }));
    summary.manifestBytes += body.length;
  };

  if (todo.upload.length) {
    await writeManifest(pendingManifest(manifest, todo.upload));
    let next = Date.now() + 10_000;
    for (const phase of phases(todo.upload))
      await pMap(
        phase,
        async (file) => {
          const key = config.prefix + file.file;
          const body = await readFile(path.join(dist, file.file));
          await attempt(key, () => bucket.put(key, body, file));
          summary.uploaded++;
          summary.bytes += body.length;
          if (Date.now() > next) {
            next = Date.now() + 10_000;
            log(`uploaded ${summary.uploaded.toLocaleString('en-US')} of ${todo.upload.length.toLocaleString('en-US')}`);
          }
        },
        { concurrency },
      );
  }
  // Only now that every new file is up: no reader meets a page whose links went first.
  if (todo.remove.length && !keep) {
    const keys = todo.remove.map((key) => config.prefix + key);
    try {
      await bucket.remove(keys);
    } catch (error) {
      throw new KeyError((error as { key?: string }).key ?? keys[0]!, error);
    }
    summary.deleted = todo.remove.length;
  } else summary.kept = todo.remove.length;

  const removed = todo.remove.length && !keep;
  if (todo.upload.length || removed) await writeManifest(finalManifest(local, manifest, keep ? todo.remove : []));
  summary.requests = bucket.requests;
  return summary;
}
