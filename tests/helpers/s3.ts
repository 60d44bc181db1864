// A real S3 API server (s3rver) on 127.0.0.1, with one bucket, for the deploy tests; and a proxy in
// front of it that can answer as a struggling store does.
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** s3rver checks signatures against this one key pair. */
export const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER' };

export interface S3Server {
  endpoint: string;
  /** Every object under the bucket: key, bytes and the headers it is served with. */
  objects(bucket?: string): Promise<Map<string, { body: Buffer; type: string | undefined; cache: string | undefined }>>;
  /** Called for each object written. */
  onPut(listener: (key: string) => void): void;
  close(): Promise<void>;
}

export async function startS3(buckets: string[] = ['site'], { website = false } = {}): Promise<S3Server> {
  const websiteConfig = website ? [await readFile(createRequire(import.meta.url).resolve('s3rver/example/website.xml'))] : [];
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory: await mkdtemp(path.join(tmpdir(), 's3rver-')),
    resetOnClose: true,
    configureBuckets: buckets.map((name) => ({ name, configs: websiteConfig })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
  return {
    endpoint,
    async objects(bucket = buckets[0]!) {
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }));
        keys.push(...(page.Contents ?? []).map((o) => o.Key!));
        token = page.NextContinuationToken;
      } while (token);
      const found = new Map<string, { body: Buffer; type: string | undefined; cache: string | undefined }>();
      for (const key of keys) {
        const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        found.set(key, { body: Buffer.from(await object.Body!.transformToByteArray()), type: object.ContentType, cache: object.CacheControl });
      }
      return found;
    },
    onPut(listener) {
      server.on('event', (event: { Records: { eventName: string; s3: { object: { key: string } } }[] }) => {
        for (const record of event.Records) if (record.eventName.startsWith('ObjectCreated')) listener(decodeURIComponent(record.s3.object.key));
      });
    },
    async close() {
      client.destroy();
      await server.close();
    },
  };
}

const CODES: Record<number, string> = { 403: 'SignatureDoesNotMatch', 500: 'InternalError', 503: 'SlowDown' };

/**
 * A proxy to `target` on 127.0.0.1 that answers a request itself when `fail` returns a status
 * (503 SlowDown, 500 InternalError, 403 SignatureDoesNotMatch, or [status, code]), as a store
 * under load or refusing a key does, and forwards it otherwise.
 */
export async function startFlakyProxy(
  target: string,
  fail: (req: IncomingMessage) => number | [number, string] | undefined,
): Promise<{ endpoint: string; close: () => Promise<void> }> {
  const { port: targetPort } = new URL(target);
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const answer = fail(req);
    if (answer) {
      req.resume();
      const [status, code] = typeof answer === 'number' ? [answer, CODES[answer]!] : answer;
      res
        .writeHead(status, { 'content-type': 'application/xml' })
        .end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code} (test)</Message></Error>`);
      return;
    }
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers }, (response) => {
      res.writeHead(response.statusCode!, response.headers);
      response.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
