// npm run demo, as a new user runs it (without serving): the sample archive is generated,
// imported with the snapshot command into .demo/days, and built into .demo/dist.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv } from './helpers/build.ts';

const run = promisify(execFile);
let output = '';

describe('npm run demo', () => {
  beforeAll(async () => {
    const result = await run(process.execPath, ['scripts/demo.ts', '--no-serve', '--days', '6'], { env: cleanEnv(), maxBuffer: 64 * 1024 * 1024 });
    output = result.stdout;
  });

  it('imports the sample through the snapshot command into its own folder, never the real archive', async () => {
    expect(output).toContain('6 days: 6 written');
    expect((await readdir('.demo/days')).filter((name) => name.endsWith('.json'))).toHaveLength(6);
    const weekdays = (await readdir('.demo/days')).map((name) => new Date(`${name.slice(0, 10)}T00:00:00Z`).getUTCDay());
    expect(weekdays.every((day) => day >= 1 && day <= 5)).toBe(true);
  });

  it('builds a labelled sample site with a day over 50 papers and a paper listed on two days', async () => {
    const home = cheerio.load(await readFile('.demo/dist/index.html', 'utf8'));
    expect(home('.notice').text()).toContain('invented sample archive');
    const days = (await readdir('.demo/days')).sort();
    const busy = JSON.parse(await readFile(`.demo/days/${days[2]}`, 'utf8'));
    expect(busy.papers.length).toBeGreaterThan(50);
    const ids = await Promise.all(days.map(async (name) => JSON.parse(await readFile(`.demo/days/${name}`, 'utf8')).papers.map((p: { id: string }) => p.id)));
    const twice = ids.flat().filter((id, i, all) => all.indexOf(id) !== i);
    expect(twice.length).toBeGreaterThan(0);
    const paper = cheerio.load(await readFile(`.demo/dist/papers/${twice[0]}/index.html`, 'utf8'));
    expect(paper('.facts a[href^="/days/"]')).toHaveLength(2);
    // One search index per listing year, each a complete Pagefind bundle.
    const years = await readdir('.demo/dist/pagefind');
    expect(years.length).toBeGreaterThan(0);
    for (const year of years) expect(await readdir(`.demo/dist/pagefind/${year}`)).toContain('pagefind-entry.json');
  });
});
