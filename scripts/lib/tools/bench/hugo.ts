// The yardstick issue 33 measures the build against: a plain Hugo site of the same papers, built
// in the same run on the same machine. Plain means what a minimal static archive needs and
// nothing more: a page per paper (title, authors, abstract, upvotes, links), a page per listed
// day linking its papers by title, and a home page linking the days. No feeds, search, topics or
// organizations, so the ratio is an upper bound on what Astro costs for the same pages.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { dayFiles } from '../../capture/days/store.ts';
import type { benchDirs } from './archive.ts';
import { measure } from './measure.ts';

export interface HugoBench {
  version: string;
  pages: number;
  seconds: number[];
  peakRss: number[];
}

const LAYOUTS: Record<string, string> = {
  '_default/baseof.html': `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }} · Papers</title></head>
<body><header><a href="{{ "/" | relURL }}">Papers</a></header><main>{{ block "main" . }}{{ end }}</main></body></html>`,
  '_default/single.html': `{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ delimit .Params.authors ", " }}</p>
<p>▲ {{ .Params.upvotes }} · <a href="https://arxiv.org/abs/{{ .Params.arxiv }}">arXiv</a></p>
<p>{{ .Params.abstract }}</p>{{ end }}`,
  'days/single.html': `{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ range .Params.papers }}{{ with $.Site.GetPage (printf "/papers/%s.md" .) }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}
</ol>{{ end }}`,
  'index.html': `{{ define "main" }}<h1>Papers</h1><ul>
{{ range (where .Site.RegularPages "Section" "days") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
</ul>{{ end }}`,
  '_default/list.html': `{{ define "main" }}<h1>{{ .Title }}</h1>{{ end }}`,
};

/** Write the Hugo site for the day files in `days` into `site`; the number of pages it will have. */
export async function writeHugoSite(days: string, site: string): Promise<number> {
  await rm(site, { recursive: true, force: true });
  const config = `baseURL = "https://bench.example.org/"\ntitle = "Papers"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]\n`;
  await mkdir(path.join(site, 'content', 'papers'), { recursive: true });
  await mkdir(path.join(site, 'content', 'days'), { recursive: true });
  await writeFile(path.join(site, 'config.toml'), config);
  for (const [file, text] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(site, 'layouts', file)), { recursive: true });
    await writeFile(path.join(site, 'layouts', file), text);
  }
  const written = new Set<string>();
  const all = await dayFiles.readAll(days);
  for (const day of all) {
    // JSON front matter: Hugo reads it as is, and JSON escapes anything a paper's text holds.
    const front = { title: day.date, date: day.date, papers: day.papers.map((paper) => paper.id.replace('/', '-')) };
    await writeFile(path.join(site, 'content', 'days', `${day.date}.md`), `${JSON.stringify(front)}\n`);
    for (const paper of day.papers) {
      const slug = paper.id.replace('/', '-');
      if (written.has(slug)) continue;
      written.add(slug);
      const page = { title: paper.title, date: day.date, arxiv: paper.id, authors: paper.authors, upvotes: paper.upvotes, abstract: paper.abstract };
      await writeFile(path.join(site, 'content', 'papers', `${slug}.md`), `${JSON.stringify(page)}\n`);
    }
  }
  return written.size + all.length + 1;
}

/** Build the plain Hugo site of the benchmark's papers `runs` times, each from a clean output. */
export async function benchHugo(dirs: ReturnType<typeof benchDirs>, runs: number): Promise<HugoBench> {
  const site = path.join(dirs.root, 'hugo');
  const version = await measure('hugo', ['version'], process.env).catch(() => undefined);
  if (!version || version.code !== 0) throw new Error('--hugo needs Hugo on the PATH (Debian: apt-get install hugo)');
  const pages = await writeHugoSite(dirs.days, site);
  const seconds: number[] = [];
  const peakRss: number[] = [];
  for (let run = 0; run < runs; run++) {
    await rm(path.join(site, 'public'), { recursive: true, force: true });
    const result = await measure('hugo', ['--source', site, '--quiet'], process.env);
    if (result.code !== 0) throw new Error(`hugo failed:\n${result.output.slice(-2000)}`);
    seconds.push(result.seconds);
    peakRss.push(result.peakTreeRss);
  }
  return { version: version.output.trim().split(' ')[1] ?? '', pages, seconds, peakRss };
}
