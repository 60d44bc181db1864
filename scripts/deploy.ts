// npm run deploy: keep an S3-compatible bucket (Cloudflare R2, Amazon S3, Backblaze B2, MinIO)
// equal to dist/, uploading only what changed and deleting what went away after the uploads.
// Exit codes: 0 done, 1 a request failed (one line naming the key), 2 bad options or configuration.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { defineCommand, positiveNumber, runCommand, UsageError, type Values } from './lib/cli.ts';
import { describeError, openBucket } from './lib/publish/deploy/bucket.ts';
import { bucketConfig, targetName } from './lib/publish/deploy/config.ts';
import { deploy, KeyError } from './lib/publish/deploy/deploy.ts';
import { plural } from '../src/lib/text.ts';

const DEPLOY = defineCommand({
  name: 'deploy',
  summary: `Upload the built site to an S3-compatible bucket, changed files only: the last
deploy's content hashes are kept in the bucket (.broadsheet-deploy.json.gz). Files
no longer in the site are deleted once every new file is up. A deploy that stops
midway can be run again; it finishes the job.`,
  options: {
    'dry-run': { type: 'boolean', help: 'print what would be uploaded and deleted; change nothing' },
    'no-delete': { type: 'boolean', help: 'keep files the site no longer has (a later deploy deletes them)' },
    concurrency: { type: 'string', value: 'N', help: 'uploads at a time (default 16)' },
    dir: { type: 'string', value: 'DIR', help: 'the built site (default OUT_DIR or dist)' },
  },
  more: `Environment (see "Deploying to object storage" in the README):
  S3_BUCKET              the bucket, optionally with a key prefix: my-site or my-site/archive
  S3_ENDPOINT            the store's S3 endpoint, for R2, B2 or MinIO (empty for Amazon S3)
  S3_REGION              the bucket's region (default auto with S3_ENDPOINT, else us-east-1)
  S3_FORCE_PATH_STYLE    true or false (default true with S3_ENDPOINT, else false)
  AWS_ACCESS_KEY_ID      the access key
  AWS_SECRET_ACCESS_KEY  its secret

Exit codes: 0 deployed (or nothing to do), 1 a request failed, 2 bad options or
configuration.`,
});

const size = (bytes: number) => (bytes < 1000 ? `${bytes} B` : bytes < 1e6 ? `${(bytes / 1e3).toFixed(1)} KB` : `${(bytes / 1e6).toFixed(1)} MB`);
const count = (n: number) => n.toLocaleString('en-US');
const requests = (n: number) => plural(n, 'request');

async function main(values: Values<typeof DEPLOY.options>): Promise<number> {
  const concurrency = positiveNumber('--concurrency', values.concurrency) ?? 16;
  const dist = path.resolve(values.dir ?? (process.env.OUT_DIR || 'dist'));
  const isDir = await stat(dist).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (!isDir) throw new UsageError(`${path.relative(process.cwd(), dist) || dist}: no built site there (run npm run build first)`);
  const config = bucketConfig();
  const bucket = openBucket(config);
  const started = performance.now();
  try {
    const summary = await deploy({ dist, config, bucket, dryRun: values['dry-run'], keep: values['no-delete'], concurrency, log: (line) => console.log(line) });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const { plan } = summary;
    if (values['dry-run'])
      console.log(
        `deploy (dry run): ${targetName(config)}: would upload ${count(plan.upload.length)} (${size(plan.upload.reduce((s, f) => s + f.size, 0))}), ` +
          `${values['no-delete'] ? 'keep' : 'delete'} ${count(plan.remove.length)}, leave ${count(plan.unchanged)} unchanged; ${requests(summary.requests)} in ${seconds} s`,
      );
    else
      console.log(
        `deploy: ${targetName(config)}: ${count(summary.uploaded)} uploaded (${size(summary.bytes)}), ${count(summary.deleted)} deleted` +
          `${summary.kept ? `, ${count(summary.kept)} kept (--no-delete)` : ''}, ${count(summary.unchanged)} unchanged; ${requests(summary.requests)} in ${seconds} s` +
          `${summary.manifestBytes ? ` (manifest ${size(summary.manifestBytes)})` : ''}`,
      );
    return 0;
  } catch (error) {
    if (error instanceof KeyError) throw describeError(error.cause, config, error.key);
    throw error;
  } finally {
    bucket.destroy();
  }
}

runCommand(DEPLOY, main);
