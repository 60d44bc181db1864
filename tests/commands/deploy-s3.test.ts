// npm run deploy against a real S3 API server (s3rver) on 127.0.0.1, with the real built site:
// what a bucket holds after a first deploy, a one-page change, a removal, an interrupted run, a
// struggling store and a wrong configuration.
import { execFile, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBucket, type Bucket } from '../../scripts/lib/publish/deploy/bucket.ts';
import { bucketConfig, type BucketConfig } from '../../scripts/lib/publish/deploy/config.ts';
import { deploy } from '../../scripts/lib/publish/deploy/deploy.ts';
import { cacheControl, contentType, IMMUTABLE, SHORT } from '../../scripts/lib/publish/deploy/headers.ts';
import { MANIFEST } from '../../scripts/lib/publish/deploy/plan.ts';
import { siteFiles } from '../../scripts/lib/build/site-size.ts';
import { makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { buildSite, cleanEnv, type BuiltSite } from '../helpers/build.ts';
import { CREDENTIALS, startFlakyProxy, startS3, type S3Server } from '../helpers/s3.ts';

const run = promisify(execFile);

describe('npm run deploy, to a real S3 API server', () => {
  let site: BuiltSite;
  let s3: S3Server;
  let work: string;
  const buckets = ['first', 'again', 'gone', 'keep', 'dry', 'killed', 'flaky', 'failing', 'config', 'prefixed'];

  beforeAll(async () => {
    site = await buildSite(await makeFixtureArchive(), { SITE_URL: 'https://papers.example.org' });
    s3 = await startS3(buckets);
    work = await mkdtemp(path.join(tmpdir(), 'deploy-'));
  });
  afterAll(async () => {
    await s3?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** A copy of the built site to change. */
  async function copyOfSite(name: string): Promise<string> {
    const dist = path.join(work, name);
    await cp(site.dist, dist, { recursive: true });
    return dist;
  }
  const config = (bucket: string, env: NodeJS.ProcessEnv = {}): BucketConfig => bucketConfig({ S3_BUCKET: bucket, S3_ENDPOINT: s3.endpoint, ...env });
  function open(bucket: string): { config: BucketConfig; bucket: Bucket } {
    process.env.AWS_ACCESS_KEY_ID = CREDENTIALS.AWS_ACCESS_KEY_ID;
    process.env.AWS_SECRET_ACCESS_KEY = CREDENTIALS.AWS_SECRET_ACCESS_KEY;
    const c = config(bucket);
    return { config: c, bucket: openBucket(c) };
  }
  /** The bucket holds exactly the site, byte for byte, and the manifest. */
  async function expectEqual(bucket: string, dist: string, prefix = ''): Promise<void> {
    const objects = await s3.objects(bucket);
    const files = (await siteFilesOf(dist)).map((f) => prefix + f);
    expect([...objects.keys()].sort()).toEqual([...files, prefix + MANIFEST].sort());
    for (const file of files) expect(objects.get(file)!.body.equals(await readFile(path.join(dist, file.slice(prefix.length)))), file).toBe(true);
  }
  const siteFilesOf = async (dist: string) => (await siteFiles(dist)).map((f) => f.file);

  async function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['scripts/deploy.ts', ...args], { env: { ...cleanEnv(), ...CREDENTIALS, ...env } });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  it('first uploads every file, each reading back byte-identical with its type and caching', async () => {
    const { config, bucket } = open('first');
    const summary = await deploy({ dist: site.dist, config, bucket });
    const files = await site.files();
    expect(summary).toMatchObject({ uploaded: files.length, deleted: 0, unchanged: 0 });
    await expectEqual('first', site.dist);
    const objects = await s3.objects('first');
    for (const file of files) {
      expect(objects.get(file)!.type, file).toBe(contentType(file));
      expect(objects.get(file)!.cache, file).toBe(cacheControl(file));
    }
    // A few by name, as a reader's browser and feed reader meet them.
    expect(objects.get('papers/2603.00011/index.html')).toMatchObject({ type: 'text/html; charset=utf-8', cache: SHORT });
    expect(objects.get('rss.xml')!.type).toBe('application/rss+xml; charset=utf-8');
    expect(objects.get('feed.json')!.type).toBe('application/feed+json; charset=utf-8');
    const css = files.find((f) => f.startsWith('_astro/') && f.endsWith('.css'))!;
    expect(objects.get(css)).toMatchObject({ type: 'text/css; charset=utf-8', cache: IMMUTABLE });
    const fragment = files.find((f) => f.endsWith('.pf_fragment'))!;
    expect(objects.get(fragment)).toMatchObject({ type: 'application/octet-stream', cache: IMMUTABLE });
    bucket.destroy();
  });

  it('reads one object when nothing changed, and uploads one file when one page did', async () => {
    const dist = await copyOfSite('again');
    let { config, bucket } = open('again');
    await deploy({ dist, config, bucket });
    bucket.destroy();

    ({ config, bucket } = open('again'));
    expect(await deploy({ dist, config, bucket })).toMatchObject({ uploaded: 0, deleted: 0, requests: 1 });
    bucket.destroy();

    const page = path.join(dist, 'days/2026-03-06/index.html');
    await writeFile(page, (await readFile(page, 'utf8')).replace('</main>', '<p>One more line.</p></main>'));
    ({ config, bucket } = open('again'));
    const puts: string[] = [];
    s3.onPut((key) => puts.push(key));
    const summary = await deploy({ dist, config, bucket });
    expect(summary).toMatchObject({ uploaded: 1, deleted: 0, unchanged: (await site.files()).length - 1 });
    // The manifest read, marked pending, the page, the manifest written.
    expect(summary.requests).toBe(4);
    expect(puts.filter((key) => key !== MANIFEST)).toEqual(['days/2026-03-06/index.html']);
    await expectEqual('again', dist);
    bucket.destroy();
  });

  it('deletes a page the site no longer has, only once every new file is up', async () => {
    const dist = await copyOfSite('gone');
    let { config, bucket } = open('gone');
    await deploy({ dist, config, bucket });
    bucket.destroy();

    await rm(path.join(dist, 'papers/2603.00011'), { recursive: true });
    const css = (await siteFilesOf(dist)).find((f) => f.endsWith('.css'))!;
    await writeFile(path.join(dist, css), (await readFile(path.join(dist, css), 'utf8')) + '\n/* changed */');
    await writeFile(path.join(dist, 'index.html'), (await readFile(path.join(dist, 'index.html'), 'utf8')) + '<!-- changed -->');
    ({ config, bucket } = open('gone'));
    const order: string[] = [];
    const logged: Bucket = {
      ...bucket,
      get: bucket.get,
      put: async (key, body, headers) => {
        await bucket.put(key, body, headers);
        order.push(`put ${key}`);
      },
      remove: async (keys) => {
        order.push(`delete ${keys.join(' ')}`);
        await bucket.remove(keys);
      },
      get requests() {
        return bucket.requests;
      },
    };
    expect(await deploy({ dist, config, bucket: logged })).toMatchObject({ uploaded: 2, deleted: 1 });
    // The stylesheet before the page that uses it; the removal after both, before the final manifest.
    expect(order).toEqual([`put ${MANIFEST}`, `put ${css}`, 'put index.html', 'delete papers/2603.00011/index.html', `put ${MANIFEST}`]);
    await expectEqual('gone', dist);
    bucket.destroy();
  });

  it('with --no-delete keeps what went away, and a later deploy deletes it', async () => {
    const dist = await copyOfSite('keep');
    await cli([`--dir=${dist}`], { S3_BUCKET: 'keep', S3_ENDPOINT: s3.endpoint });
    await rm(path.join(dist, 'papers/2603.00011'), { recursive: true });
    const kept = await cli([`--dir=${dist}`, '--no-delete'], { S3_BUCKET: 'keep', S3_ENDPOINT: s3.endpoint });
    expect(kept.stdout).toMatch(/: 0 uploaded \(0 B\), 0 deleted, 1 kept \(--no-delete\), \d+ unchanged; 1 request in/);
    expect((await s3.objects('keep')).has('papers/2603.00011/index.html')).toBe(true);
    const later = await cli([`--dir=${dist}`], { S3_BUCKET: 'keep', S3_ENDPOINT: s3.endpoint });
    expect(later.stdout).toMatch(/: 0 uploaded \(0 B\), 1 deleted, \d+ unchanged; 3 requests in/);
    await expectEqual('keep', dist);
  });

  it('a dry run says what it would upload and delete, and changes nothing', async () => {
    const dist = await copyOfSite('dry');
    await cli([`--dir=${dist}`], { S3_BUCKET: 'dry', S3_ENDPOINT: s3.endpoint });
    const before = await s3.objects('dry');
    await rm(path.join(dist, 'papers/2603.00011'), { recursive: true });
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>x</title>');
    const dry = await cli([`--dir=${dist}`, '--dry-run'], { S3_BUCKET: 'dry', S3_ENDPOINT: s3.endpoint });
    expect(dry.code).toBe(0);
    expect(dry.stdout.trim().split('\n')).toEqual([
      'upload index.html',
      'delete papers/2603.00011/index.html',
      expect.stringMatching(/^deploy \(dry run\): s3:\/\/dry\/: would upload 1 \(31 B\), delete 1, leave \d+ unchanged; 1 request in [\d.]+ s$/),
    ]);
    expect(await s3.objects('dry')).toEqual(before);
  });

  it('a deploy killed midway and run again leaves the bucket equal to dist/', async () => {
    const dist = await copyOfSite('killed');
    const env = { ...cleanEnv(), ...CREDENTIALS, S3_BUCKET: 'killed/archive', S3_ENDPOINT: s3.endpoint };
    let puts = 0;
    s3.onPut(() => puts++);
    // One at a time, so it is surely killed with most of the site still to send.
    const child = spawn(process.execPath, ['scripts/deploy.ts', `--dir=${dist}`, '--concurrency=1'], { env, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (puts < 40) return;
        clearInterval(timer);
        child.kill('SIGKILL');
        resolve();
      }, 5);
    });
    await exited;
    const partial = await s3.objects('killed');
    expect(partial.size).toBeLessThan((await site.files()).length);
    // Meanwhile the site changed: a page that was uploaded is gone, and another page changed.
    const uploaded = [...partial.keys()].find((key) => key.endsWith('.pf_fragment'))!.slice('archive/'.length);
    await rm(path.join(dist, uploaded));
    await writeFile(path.join(dist, 'index.html'), (await readFile(path.join(dist, 'index.html'), 'utf8')) + '<!-- later -->');

    const again = await cli([`--dir=${dist}`], { S3_BUCKET: 'killed/archive', S3_ENDPOINT: s3.endpoint });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^deploy: s3:\/\/killed\/archive\/: [\d,]+ uploaded .*, 1 deleted, \d+ unchanged/m);
    await expectEqual('killed', dist, 'archive/');
    // And a third run finds nothing to do.
    expect((await cli([`--dir=${dist}`], { S3_BUCKET: 'killed/archive', S3_ENDPOINT: s3.endpoint })).stdout).toMatch(
      /: 0 uploaded \(0 B\), 0 deleted, [\d,]+ unchanged; 1 request in/,
    );
  });

  it('rides out a store answering 503 SlowDown and 500 to a fifth of its requests', async () => {
    let seen = 0;
    // A fifth, not a third: the SDK's standard retries spend a shared quota (14 for a 500, 5 for a
    // 503) that successes refill by 1, so a store failing a third of a site's hundreds of uploads makes it
    // stop retrying by design (a circuit breaker for a store in trouble), whatever the deploy does.
    const proxy = await startFlakyProxy(s3.endpoint, (req) => (req.method === 'PUT' && ++seen % 5 === 0 ? (seen % 2 ? 503 : 500) : undefined));
    try {
      const result = await cli([`--dir=${site.dist}`], { S3_BUCKET: 'flaky', S3_ENDPOINT: proxy.endpoint });
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      const files = (await site.files()).length;
      // Every file once, the manifest twice, and the refused fifth again.
      const requests = Number(result.stdout.match(/; ([\d,]+) requests/)![1]!.replace(/,/g, ''));
      expect(requests).toBeGreaterThan(files + 3 + files / 5 - 5);
      await expectEqual('flaky', site.dist);
    } finally {
      await proxy.close();
    }
  });

  it('stops with one line naming the key when a request keeps failing, and finishes when run again', async () => {
    const broken = 'papers/2603.00011/index.html';
    let down = true;
    const proxy = await startFlakyProxy(s3.endpoint, (req) => (down && req.method === 'PUT' && req.url!.includes(broken) ? 500 : undefined));
    try {
      const result = await cli([`--dir=${site.dist}`], { S3_BUCKET: 'failing', S3_ENDPOINT: proxy.endpoint });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(`deploy: ${broken}: InternalError: InternalError (test)\n`);
      down = false;
      expect((await cli([`--dir=${site.dist}`], { S3_BUCKET: 'failing', S3_ENDPOINT: proxy.endpoint })).code).toBe(0);
      await expectEqual('failing', site.dist);
    } finally {
      await proxy.close();
    }
  });

  it('says in one line which variable is wrong, exits 2, and writes nothing', async () => {
    const env = { S3_ENDPOINT: s3.endpoint };
    const cases: [NodeJS.ProcessEnv, string][] = [
      [{ S3_BUCKET: 'config', AWS_ACCESS_KEY_ID: 'WRONG' }, 'deploy: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY: refused by the store (InvalidAccessKeyId)'],
      [{ S3_BUCKET: 'no-such-bucket' }, `deploy: S3_BUCKET=no-such-bucket: no such bucket at ${s3.endpoint}`],
      [{ S3_BUCKET: '' }, 'deploy: S3_BUCKET is not set'],
    ];
    for (const [vars, line] of cases) {
      const result = await cli([`--dir=${site.dist}`], { ...env, ...vars });
      expect(result.code, line).toBe(2);
      expect(result.stderr.split('\n').filter(Boolean), line).toHaveLength(1);
      expect(result.stderr.startsWith(line), `${result.stderr} / ${line}`).toBe(true);
    }
    // s3rver does not check SigV4 signatures (only key ids), so a wrong secret and a key without
    // rights on the bucket are answered as a real store answers them, by a proxy in front of it.
    for (const [status, code, line] of [
      [403, 'SignatureDoesNotMatch', 'deploy: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY: refused by the store (SignatureDoesNotMatch)'],
      [
        403,
        'AccessDenied',
        `deploy: S3_BUCKET=config: reading ${MANIFEST} was refused (AccessDenied): the key needs s3:ListBucket on arn:aws:s3:::config (without it S3 answers a file not there yet with 403), besides s3:GetObject, s3:PutObject and s3:DeleteObject on arn:aws:s3:::config/*`,
      ],
    ] as const) {
      const proxy = await startFlakyProxy(s3.endpoint, () => [status, code]);
      try {
        const result = await cli([`--dir=${site.dist}`], { S3_BUCKET: 'config', S3_ENDPOINT: proxy.endpoint });
        expect(result.code, line).toBe(2);
        expect(result.stderr.split('\n').filter(Boolean), line).toHaveLength(1);
        expect(result.stderr.startsWith(line), `${result.stderr} / ${line}`).toBe(true);
      } finally {
        await proxy.close();
      }
    }
    const missing = await cli(['--dir=no/such/dir'], { ...env, S3_BUCKET: 'config' });
    expect([missing.code, missing.stderr]).toEqual([
      2,
      'deploy: no/such/dir: no built site there (run npm run build first) (npm run deploy -- --help lists the options)\n',
    ]);
    expect((await s3.objects('config')).size).toBe(0);
  });

  it('serves /papers/ID/ as S3 static website hosting does: its index.html, as HTML', async () => {
    const web = await startS3(['web'], { website: true });
    try {
      const result = await cli([`--dir=${site.dist}`], { S3_BUCKET: 'web', S3_ENDPOINT: web.endpoint });
      expect(result.code).toBe(0);
      const response = await fetch(`${web.endpoint}/web/papers/2603.00011/`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toBe(await site.read('papers/2603.00011/index.html'));
    } finally {
      await web.close();
    }
  });
});
