// Every built page is valid HTML, checked by html-validate (the HTML standard's content models,
// attributes and ids): the fixture archive, with its hostile text, LaTeX and 500-author paper.
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeFixtureArchive } from '../helpers/archive-fixture.ts';
import { buildSite, type BuiltSite } from '../helpers/build.ts';

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite(await makeFixtureArchive(), { SITE_URL: 'https://papers.example.org' });
});

const validator = new HtmlValidate({
  extends: ['html-validate:standard'],
  // A formatting choice, not validity: Astro writes void elements as `<meta ... />`.
  rules: { 'void-style': 'off' },
});

describe('the built pages', () => {
  it('are valid HTML, every one of them', async () => {
    const pages = (await site.files()).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const problems: string[] = [];
    for (const file of pages) {
      const report = await validator.validateString(await site.read(file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
    }
    expect(problems).toEqual([]);
  });
});
