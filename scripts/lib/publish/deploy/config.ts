// Where a deploy goes, from the environment, as every S3 tool names it. A problem here is a
// configuration error: one line naming the variable, exit 2.
import { UsageError } from '../../cli.ts';

export interface BucketConfig {
  bucket: string;
  /** Key prefix, '' or ending in '/': `S3_BUCKET=my-bucket/archive` deploys under archive/. */
  prefix: string;
  /** For R2, B2, MinIO…; undefined for Amazon S3 itself. */
  endpoint?: string;
  region: string;
  forcePathStyle: boolean;
}

/** Bucket names as S3 allows them (3 to 63 of lowercase letters, digits, dots and hyphens); R2 and B2 are the same or stricter. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function bucketConfig(env: NodeJS.ProcessEnv = process.env): BucketConfig {
  const target = env.S3_BUCKET?.trim();
  if (!target) throw new UsageError('S3_BUCKET is not set: the bucket to deploy to, optionally with a key prefix (my-bucket or my-bucket/archive)');
  const [bucket, ...rest] = target.replace(/^s3:\/\//, '').split('/');
  if (!BUCKET.test(bucket!))
    throw new UsageError(`S3_BUCKET=${target}: "${bucket}" is not a bucket name (3 to 63 lowercase letters, digits, dots and hyphens)`);
  const prefix = rest.filter(Boolean).join('/');

  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  if (endpoint) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new UsageError(`S3_ENDPOINT=${endpoint}: not a URL (e.g. https://<account>.r2.cloudflarestorage.com)`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`S3_ENDPOINT=${endpoint}: expected an http or https URL`);
  }
  const pathStyle = env.S3_FORCE_PATH_STYLE?.trim().toLowerCase();
  if (pathStyle && !['true', 'false'].includes(pathStyle)) throw new UsageError(`S3_FORCE_PATH_STYLE=${env.S3_FORCE_PATH_STYLE}: expected true or false`);

  return {
    bucket: bucket!,
    prefix: prefix ? `${prefix}/` : '',
    ...(endpoint ? { endpoint } : {}),
    // R2 takes "auto"; Amazon S3 needs the bucket's own region.
    region: env.S3_REGION?.trim() || env.AWS_REGION?.trim() || (endpoint ? 'auto' : 'us-east-1'),
    // Path-style (endpoint/bucket/key) works with every S3-compatible store (MinIO needs it);
    // Amazon S3 itself wants virtual-hosted style.
    forcePathStyle: pathStyle ? pathStyle === 'true' : Boolean(endpoint),
  };
}

/** `s3://bucket/prefix/`, as the summary and errors name the target. */
export const targetName = (config: BucketConfig) => `s3://${config.bucket}/${config.prefix}`;
