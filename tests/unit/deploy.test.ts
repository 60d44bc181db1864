// npm run deploy's pure parts: the headers each file is served with, the configuration read from
// the environment, and the plan (what to upload, in which phase, what to delete) with its manifest.
// Against a real S3 API server: deploy-s3.test.ts.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bucketConfig, targetName } from '../../scripts/lib/publish/deploy/config.ts';
import { cacheControl, contentType, IMMUTABLE, SHORT } from '../../scripts/lib/publish/deploy/headers.ts';
import {
  decodeManifest,
  encodeManifest,
  fileHash,
  finalManifest,
  MANIFEST,
  PENDING,
  pendingManifest,
  phases,
  plan,
  type LocalFile,
} from '../../scripts/lib/publish/deploy/plan.ts';

describe('what each file is served with', () => {
  it('names the type of every kind of file the site has', () => {
    expect(
      Object.fromEntries(
        [
          'index.html',
          'rss.xml',
          'topics/agents/atom.xml',
          'feed.json',
          'days/2026-03-06.json',
          'feeds.opml',
          'sitemap-0.xml',
          '_astro/Base.BPZsLARh.css',
          '_astro/DqB-gqQj.js',
          'robots.txt',
          'favicon.svg',
          'pagefind/2026/pagefind.js',
          'pagefind/2026/pagefind-entry.json',
          'pagefind/2026/wasm.en.pagefind',
          'pagefind/2026/fragment/en_0a1b2c3.pf_fragment',
          'pagefind/2026/by-date.pf_order',
          'pagefind/2026/wasm.unknown.wasm',
          'scripts/x.mjs',
          'icon.png',
          'favicon.ico',
          'site.webmanifest',
        ].map((file) => [file, contentType(file)]),
      ),
    ).toEqual({
      'index.html': 'text/html; charset=utf-8',
      'rss.xml': 'application/rss+xml; charset=utf-8',
      'topics/agents/atom.xml': 'application/atom+xml; charset=utf-8',
      'feed.json': 'application/feed+json; charset=utf-8',
      'days/2026-03-06.json': 'application/json; charset=utf-8',
      'feeds.opml': 'text/x-opml; charset=utf-8',
      'sitemap-0.xml': 'application/xml; charset=utf-8',
      '_astro/Base.BPZsLARh.css': 'text/css; charset=utf-8',
      '_astro/DqB-gqQj.js': 'text/javascript; charset=utf-8',
      'robots.txt': 'text/plain; charset=utf-8',
      'favicon.svg': 'image/svg+xml',
      'pagefind/2026/pagefind.js': 'text/javascript; charset=utf-8',
      'pagefind/2026/pagefind-entry.json': 'application/json; charset=utf-8',
      // Gzip data Pagefind unpacks itself: no Content-Encoding, or the browser would unpack it first.
      'pagefind/2026/wasm.en.pagefind': 'application/octet-stream',
      'pagefind/2026/fragment/en_0a1b2c3.pf_fragment': 'application/octet-stream',
      'pagefind/2026/by-date.pf_order': 'application/octet-stream',
      'pagefind/2026/wasm.unknown.wasm': 'application/wasm',
      'scripts/x.mjs': 'text/javascript; charset=utf-8',
      'icon.png': 'image/png',
      'favicon.ico': 'image/x-icon',
      'site.webmanifest': 'application/manifest+json',
    });
  });

  it('caches for good only what is named by its content', () => {
    // What browsers and CDNs read: a year and immutable, or five minutes.
    expect([cacheControl('_astro/x.css'), cacheControl('index.html')]).toEqual(['public, max-age=31536000, immutable', 'public, max-age=300']);
    for (const file of [
      '_astro/Base.BPZsLARh.css',
      '_astro/DqB-gqQj.js',
      'pagefind/2026/fragment/en_0a1b2c3.pf_fragment',
      'pagefind/2026/index/en_9f8e.pf_index',
      'pagefind/2026/filter/en_77.pf_filter',
      'pagefind/2026/pagefind.en_9cf9dda1ba.pf_meta',
    ])
      expect(cacheControl(file), file).toBe(IMMUTABLE);
    for (const file of [
      'index.html',
      'papers/2603.00011/index.html',
      'rss.xml',
      'feed.json',
      'feeds.opml',
      'pagefind/2026/pagefind.js',
      'pagefind/2026/pagefind-entry.json',
      'pagefind/2026/wasm.en.pagefind',
      'pagefind/2026/by-date.pf_order',
      // Site paths that look like Pagefind's chunk folders: a topic or organization named so.
      'topics/filter/rss.xml',
      'orgs/index/index.html',
    ])
      expect(cacheControl(file), file).toBe(SHORT);
  });
});

describe('configuration', () => {
  it('reads the bucket, its prefix and the store from the usual variables', () => {
    expect(bucketConfig({ S3_BUCKET: 'my-site' })).toEqual({ bucket: 'my-site', prefix: '', region: 'us-east-1', forcePathStyle: false });
    expect(bucketConfig({ S3_BUCKET: 'my-site/archive/', S3_ENDPOINT: 'https://acct.r2.example' })).toEqual({
      bucket: 'my-site',
      prefix: 'archive/',
      endpoint: 'https://acct.r2.example',
      region: 'auto',
      forcePathStyle: true,
    });
    expect(bucketConfig({ S3_BUCKET: 's3://my-site', S3_REGION: 'eu-west-1', S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({
      bucket: 'my-site',
      region: 'eu-west-1',
      forcePathStyle: true,
    });
  });

  it('trims what it reads, and lets an empty variable fall back as if unset', () => {
    expect(bucketConfig({ S3_BUCKET: ' my-site//a//b ', S3_ENDPOINT: '  ', S3_REGION: ' ', AWS_REGION: ' ca-central-1 ' })).toEqual({
      bucket: 'my-site',
      prefix: 'a/b/',
      region: 'ca-central-1',
      forcePathStyle: false,
    });
    // A local MinIO over plain http, asked for virtual-hosted style.
    expect(bucketConfig({ S3_BUCKET: 'site', S3_ENDPOINT: ' http://127.0.0.1:9000 ', S3_FORCE_PATH_STYLE: ' FALSE ' })).toEqual({
      bucket: 'site',
      prefix: '',
      endpoint: 'http://127.0.0.1:9000',
      region: 'auto',
      forcePathStyle: false,
    });
  });

  it('names the variable that is wrong', () => {
    expect(() => bucketConfig({})).toThrow(/^S3_BUCKET is not set/);
    expect(() => bucketConfig({ S3_BUCKET: 'My_Site' })).toThrow('S3_BUCKET=My_Site: "My_Site" is not a bucket name');
    for (const name of ['site_1', '-site', 'ab', 'a'.repeat(64)]) expect(() => bucketConfig({ S3_BUCKET: name }), name).toThrow('is not a bucket name');
    expect(targetName(bucketConfig({ S3_BUCKET: 'site/archive' }))).toBe('s3://site/archive/');
    expect(() => bucketConfig({ S3_BUCKET: 'site', S3_ENDPOINT: 'r2 please' })).toThrow('S3_ENDPOINT=r2 please: not a URL');
    expect(() => bucketConfig({ S3_BUCKET: 'site', S3_ENDPOINT: 'ftp://x' })).toThrow('S3_ENDPOINT=ftp://x: expected an http or https URL');
    expect(() => bucketConfig({ S3_BUCKET: 'site', S3_FORCE_PATH_STYLE: 'yes' })).toThrow('S3_FORCE_PATH_STYLE=yes: expected true or false');
  });
});

describe('the plan', () => {
  const file = (name: string, hash = `h-${name}`): LocalFile => ({ file: name, size: 1, hash, type: contentType(name), cache: cacheControl(name) });

  it('uploads what is new or changed, assets before the pages that use them, and removes what went away', () => {
    const manifest = new Map([
      ['index.html', 'old'],
      ['rss.xml', 'h-rss.xml'],
      ['papers/2603.00001/index.html', 'h-gone'],
      ['_astro/old.js', 'h-old'],
    ]);
    const local = [file('index.html'), file('rss.xml'), file('papers/2603.00011/index.html'), file('_astro/new.js'), file('feed.json')];
    const todo = plan(local, manifest);
    expect(todo.upload.map((f) => f.file)).toEqual(['_astro/new.js', 'feed.json', 'index.html', 'papers/2603.00011/index.html']);
    // Each phase is up before the next starts.
    expect(phases(todo.upload).map((phase) => phase.map((f) => f.file))).toEqual([
      ['_astro/new.js'],
      ['feed.json'],
      ['index.html', 'papers/2603.00011/index.html'],
    ]);
    expect(todo.remove).toEqual(['_astro/old.js', 'papers/2603.00001/index.html']);
    expect(todo.unchanged).toBe(1);
  });

  it('orders each phase by name whatever order dist/ is read in, and leaves out empty phases', () => {
    const pages = ['papers/2603.00002/index.html', 'days/index.html', 'papers/2603.00001/index.html'];
    const todo = plan(
      pages.map((name) => file(name)),
      new Map(),
    );
    expect(phases(todo.upload).map((phase) => phase.map((f) => f.file))).toEqual([[...pages].sort()]);
    expect(phases([])).toEqual([]);
  });

  it('marks what is being uploaded pending, then records dist/ and what was kept', () => {
    const last = new Map([
      ['index.html', 'a'],
      ['old.html', 'b'],
    ]);
    const upload = [file('index.html'), file('new.html')];
    expect(pendingManifest(last, upload)).toEqual(
      new Map([
        ['index.html', PENDING],
        ['old.html', 'b'],
        ['new.html', PENDING],
      ]),
    );
    // --no-delete keeps old.html, and one kept key unknown to the manifest is pending.
    expect(finalManifest(upload, last, ['old.html', 'stray.html'])).toEqual(
      new Map([
        ['old.html', 'b'],
        ['stray.html', PENDING],
        ['index.html', 'h-index.html'],
        ['new.html', 'h-new.html'],
      ]),
    );
    expect(finalManifest(upload, last, []).has('old.html')).toBe(false);
  });

  it('uploads again a file whose upload was not seen to finish', () => {
    expect(plan([file('index.html')], new Map([['index.html', PENDING]])).upload).toHaveLength(1);
  });

  it('hashes the headers with the content: a file served differently is uploaded again', () => {
    const body = new TextEncoder().encode('<p>same</p>');
    expect(fileHash('text/html', SHORT, body)).toBe(fileHash('text/html', SHORT, body));
    expect(fileHash('text/html', SHORT, body)).not.toBe(fileHash('text/plain', SHORT, body));
    expect(fileHash('text/html', SHORT, body)).not.toBe(fileHash('text/html', IMMUTABLE, body));
    expect(fileHash('text/html', SHORT, body)).toMatch(/^[\w-]{22}$/);
  });

  it('reads its manifest back, and names one that is not', () => {
    const manifest = new Map([['index.html', 'abc']]);
    expect(decodeManifest(encodeManifest(manifest), MANIFEST)).toEqual(manifest);
    expect(() => decodeManifest(new TextEncoder().encode('{}'), 'archive/.m')).toThrow(
      /^archive\/\.m: not a deploy manifest \(.*\); delete it to upload every file again$/,
    );
    expect(() => decodeManifest(encodeManifest(new Map()).slice(0, 5), 'm')).toThrow(/^m: not a deploy manifest/);
    // Well-formed gzip and JSON, but not ours.
    expect(() => decodeManifest(gzipSync('{"version":2,"files":{}}'), 'm')).toThrow(/^m: not a deploy manifest \(.* at version\)/);
    // The same manifest is the same bytes, however it was built: an unchanged deploy writes nothing.
    const entries: [string, string][] = [
      ['b.html', '2'],
      ['a.html', '1'],
    ];
    expect(encodeManifest(new Map(entries))).toEqual(encodeManifest(new Map([...entries].reverse())));
  });
});
