// A daily run's build reuses what its capture did not change, as the workflow keeps the caches
// between runs: Astro's (CACHE_DIR: the content store and every keyed page it rendered) and each
// year's search index (SEARCH_CACHE_DIR). The site it writes is the one a clean build of the same
// archive writes, byte for byte, and a page whose data changed is never copied stale.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { treeDifferences } from '../../scripts/lib/tools/tree-diff.ts';
import type { Day } from '../../src/lib/schema.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';
import { makeSearchArchive } from '../helpers/search-fixture.ts';

const ENV = { SITE_URL: 'https://papers.example.org' };
const NOTICE = 'Captures are paused while the hub is down.';
let cold: BuiltSite;
let refreshed: BuiltSite;
let clean: BuiltSite;
let noticed: BuiltSite;
let refreshedId: string;

/** Pages Astro copied from its cache instead of rendering ("(restored)" in its log). */
const restored = (site: BuiltSite) => site.output.split('(restored)').length - 1;

beforeAll(async () => {
  const days = await makeSearchArchive();
  const caches = await mkdtemp(path.join(tmpdir(), 'build-caches-'));
  const env = { ...ENV, SEARCH_CACHE_DIR: path.join(caches, 'search'), CACHE_DIR: path.join(caches, 'astro') };
  cold = await buildSite(days, env);
  // The next run refreshes the newest day: a paper of 2026 has more upvotes.
  const file = path.join(days, '2026-03-04.json');
  const day = JSON.parse(await readFile(file, 'utf8')) as Day;
  day.papers[0]!.upvotes += 7;
  refreshedId = day.papers[0]!.id;
  await writeFile(file, JSON.stringify(day, null, 2) + '\n');
  refreshed = await buildSite(days, env);
  clean = await buildSite(days, ENV);
  // A notice for every page (SITE_NOTICE) is not in the archive: the cached pages must not hide it.
  noticed = await buildSite(days, { ...env, SITE_NOTICE: NOTICE });
}, 300_000);

describe('a build that reuses what a capture did not change', () => {
  it('indexes every year on a cold cache, then only the year the capture changed', () => {
    const line = (site: BuiltSite) => site.output.match(/\[search-index\].*/)![0];
    expect(line(cold)).not.toContain('reused');
    expect(line(refreshed)).toMatch(/2026: \d+ in [\d.]+ s, 2025: \d+ reused, 2024: \d+ reused/);
  });

  it('renders every page on a cold cache, then copies the paper pages whose data did not change', async () => {
    const papers = (await clean.files()).filter((file) => /^papers\/.+\/index\.html$/.test(file)).length;
    expect(restored(cold)).toBe(0);
    // Every paper page but the refreshed paper's (and those that list it as related, by title only).
    expect(restored(refreshed)).toBe(papers - 1);
    expect(refreshed.output).not.toMatch(new RegExp(`papers/${refreshedId.replace('.', '\\.')}/index\\.html \\(restored\\)`));
  });

  it('writes the same site as a clean build of the same archive', async () => {
    expect(await treeDifferences(refreshed.dist, clean.dist)).toEqual([]);
    // And the refresh is in it: the cold build's site differs from both.
    const changed = await treeDifferences(cold.dist, clean.dist);
    expect(changed.some((file) => file.includes('pagefind/2026/'))).toBe(true);
    expect(changed).toContain(`differs: papers/${refreshedId}/index.html`);
  });

  it('renders every page again when the site-wide notice changes', async () => {
    expect(restored(noticed)).toBe(0);
    expect((await noticed.page(`/papers/${refreshedId}/`))('.notice').text()).toBe(NOTICE);
    expect((await noticed.page('/papers/2406.00100/'))('.notice').text()).toBe(NOTICE);
  });
});
