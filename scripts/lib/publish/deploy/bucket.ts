// The bucket, through the AWS SDK's S3 client: its standard retry strategy (exponential backoff
// with jitter on 5xx, throttling and dropped connections) does the retrying; this module adds what
// a deploy needs of the client and says what an S3 error means in one line.
import { DeleteObjectsCommand, GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { UsageError } from '../../cli.ts';
import type { BucketConfig } from './config.ts';
import { MANIFEST } from './plan.ts';

export interface Bucket {
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, body: Uint8Array, headers: { type: string; cache: string }): Promise<void>;
  /** Delete keys, up to 1,000 a request; throws naming the first key the store refused. */
  remove(keys: readonly string[]): Promise<void>;
  /** HTTP requests made so far, retries included. */
  readonly requests: number;
  destroy(): void;
}

/** Attempts per request: the first and four retries, with the SDK's backoff between them. */
export const MAX_ATTEMPTS = 5;

export function openBucket(config: BucketConfig, options: { maxAttempts?: number } = {}): Bucket {
  const client = new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    maxAttempts: options.maxAttempts ?? MAX_ATTEMPTS,
    retryMode: 'standard',
    // Checksums only where S3 requires them (DeleteObjects): R2, B2 and MinIO do not all take the
    // SDK's newer default of one on every upload.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  let requests = 0;
  // Below the retry step, so every attempt counts.
  client.middlewareStack.add(
    (next) => (args) => {
      requests++;
      return next(args);
    },
    { step: 'deserialize', name: 'countRequests' },
  );
  const Bucket = config.bucket;
  return {
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        return await object.Body!.transformToByteArray();
      } catch (error) {
        if (error instanceof S3ServiceException && error.name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async put(key, body, { type, cache }) {
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: body, ContentType: type, CacheControl: cache }));
    },
    async remove(keys) {
      for (let i = 0; i < keys.length; i += 1000) {
        const batch = keys.slice(i, i + 1000);
        const result = await client.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }));
        const refused = result.Errors?.[0];
        if (refused) throw Object.assign(new Error(`${refused.Code ?? 'refused'}: ${refused.Message ?? 'not deleted'}`), { key: refused.Key });
      }
    },
    get requests() {
      return requests;
    },
    destroy: () => client.destroy(),
  };
}

const CREDENTIALS = new Set(['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'InvalidToken', 'ExpiredToken', 'CredentialsProviderError']);

/**
 * An S3 error as one line. Errors that no retry can mend and that come from the configuration
 * (no such bucket, credentials refused or missing) are UsageErrors naming the variable: exit 2.
 */
export function describeError(error: unknown, config: BucketConfig, key: string): Error {
  const e = error as Error & { Code?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name === 'Unknown' || e.name === 'UnknownError' ? (e.Code ?? `HTTP ${e.$metadata?.httpStatusCode ?? '?'}`) : e.name;
  if (name === 'NoSuchBucket') return new UsageError(`S3_BUCKET=${config.bucket}: no such bucket${config.endpoint ? ` at ${config.endpoint}` : ''}`);
  if (CREDENTIALS.has(name) || (e.name === 'Error' && /credentials/i.test(e.message)))
    return new UsageError(
      `AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY: ${name === 'CredentialsProviderError' || e.name === 'Error' ? 'not set' : `refused by the store (${name})`}`,
    );
  // Amazon S3 answers a read of a file that does not exist with 403, not 404, unless the key may list the bucket.
  if (name === 'AccessDenied' && key === config.prefix + MANIFEST)
    return new UsageError(
      `S3_BUCKET=${config.bucket}: reading ${key} was refused (AccessDenied): the key needs s3:ListBucket on arn:aws:s3:::${config.bucket} (without it S3 answers a file not there yet with 403), besides s3:GetObject, s3:PutObject and s3:DeleteObject on arn:aws:s3:::${config.bucket}/*`,
    );
  if (name === 'AccessDenied' || name === 'AllAccessDisabled')
    return new UsageError(`S3_BUCKET=${config.bucket}: the store denied access to ${key} (${name}): the key needs to read, write and delete objects there`);
  if (e.code && /^E[A-Z]+$/.test(e.code)) return new Error(`${key}: cannot reach ${config.endpoint ?? 'S3'} (${e.code})`);
  return new Error(`${key}: ${name}${e.message && e.message !== name && e.message !== 'UnknownError' ? `: ${e.message}` : ''}`);
}
