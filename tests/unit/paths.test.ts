// Every URL of the site, built in one place: the permanent paths, the base, the hub's and arXiv's addresses.
import { describe, expect, it } from 'vitest';
import {
  absoluteUrl,
  archivePath,
  arxivAbsUrl,
  arxivPdfUrl,
  dayJsonPath,
  dayPath,
  feedPath,
  hfCitingUrl,
  hfPaperUrl,
  hfRepoUrl,
  homePath,
  monthPath,
  opmlPath,
  orgPath,
  orgsOpmlPath,
  orgsPath,
  paperPath,
  releasedPath,
  savedPath,
  searchPath,
  topicPath,
  topicSearchPath,
  trendingPath,
  topicsPath,
  weekPath,
  withBase,
} from '../../src/lib/paths.ts';

describe('paths', () => {
  it('are the permanent URLs of the site', () => {
    expect([homePath(), archivePath(), dayPath('2026-03-06'), dayJsonPath('2026-03-06'), topicsPath(), searchPath(), opmlPath()]).toEqual([
      '/',
      '/days/',
      '/days/2026-03-06/',
      '/days/2026-03-06.json',
      '/topics/',
      '/search/',
      '/feeds.opml',
    ]);
    expect([paperPath('2406.12345'), paperPath('hep-th/9901001')]).toEqual(['/papers/2406.12345/', '/papers/hep-th/9901001/']);
    expect([topicPath('video'), topicPath('video', 1), topicPath('video', 2)]).toEqual(['/topics/video/', '/topics/video/', '/topics/video/2/']);
    expect([feedPath('/', 'rss'), feedPath('/topics/video/', 'atom'), feedPath('/top/', 'json')]).toEqual([
      '/rss.xml',
      '/topics/video/atom.xml',
      '/top/feed.json',
    ]);
  });
  it('give weeks, months and organizations their pages', () => {
    expect([weekPath('2026-W01'), monthPath('2026-01'), orgsPath(), orgsOpmlPath()]).toEqual(['/weeks/2026-W01/', '/months/2026-01/', '/orgs/', '/orgs.opml']);
    expect([orgPath('Qwen~c0'), orgPath('Qwen~c0', 1), orgPath('Qwen~c0', 2)]).toEqual(['/orgs/Qwen~c0/', '/orgs/Qwen~c0/', '/orgs/Qwen~c0/2/']);
  });
  it('give the reading list, releases and trending their pages, and a topic’s older papers a search', () => {
    expect([savedPath(), releasedPath(), trendingPath(), trendingPath('2026-03-06')]).toEqual(['/saved/', '/released/', '/trending/', '/trending/2026-03-06/']);
    // Past its built pages a topic's address leads to search, filtered by the topic's name as the filter knows it.
    expect(topicSearchPath('Vision & Language')).toBe('/search/?topic=Vision+%26+Language&sort=date');
  });
  it('take the base path and the site, however the base is written', () => {
    expect(withBase('/days/', '/archive/')).toBe('/archive/days/');
    expect(withBase('/days/', '/')).toBe('/days/');
    expect(withBase('/days/', '/archive//')).toBe('/archive/days/');
    expect(withBase('/days/', '/archive')).toBe('/archive/days/');
    expect(absoluteUrl('/papers/2406.12345/', 'https://you.github.io', '/archive/')).toBe('https://you.github.io/archive/papers/2406.12345/');
    expect(absoluteUrl('/', new URL('https://papers.example.org'), '/')).toBe('https://papers.example.org/');
  });
  it('link the paper at arXiv and on Hugging Face', () => {
    expect([arxivAbsUrl('2406.12345'), arxivPdfUrl('2406.12345'), hfPaperUrl('2406.12345')]).toEqual([
      'https://arxiv.org/abs/2406.12345',
      'https://arxiv.org/pdf/2406.12345',
      'https://huggingface.co/papers/2406.12345',
    ]);
  });
  it('link what came of it on the hub: models have no kind in their address, datasets and Spaces do', () => {
    expect([hfRepoUrl('models', 'org/m'), hfRepoUrl('datasets', 'org/d'), hfRepoUrl('spaces', 'org/s')]).toEqual([
      'https://huggingface.co/org/m',
      'https://huggingface.co/datasets/org/d',
      'https://huggingface.co/spaces/org/s',
    ]);
    expect(hfCitingUrl('datasets', '2406.12345')).toBe('https://huggingface.co/datasets?other=arxiv:2406.12345');
  });
});
