// npm run dataset: the whole history as four Parquet files (papers, upvotes, trending, links;
// described in src/lib/dataset.ts) with a manifest and a dataset card, and with --hub, uploaded to
// the Hugging Face dataset HF_DATASET. The daily workflow also publishes them as assets of the
// repository's `data` release; neither publication can fail the site's deploy.
import { appendFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildArchive } from '../src/lib/archive.ts';
import { TABLES } from '../src/lib/dataset.ts';
import { plural } from '../src/lib/text.ts';
import { siteConfig } from '../src/site.config.ts';
import { topics } from '../src/topics.config.ts';
import { dayFiles, daysDir } from './lib/capture/days/store.ts';
import { linksDir, linksFiles } from './lib/capture/links/store.ts';
import { trendingDir, trendingFiles } from './lib/capture/trending/store.ts';
import { defineCommand, runCommand } from './lib/cli.ts';
import { datasetCard } from './lib/publish/dataset/card.ts';
import { publishToHub } from './lib/publish/dataset/hub.ts';
import { datasetTables } from './lib/publish/dataset/tables.ts';
import { writeDataset } from './lib/publish/dataset/write.ts';

const DEFAULT_OUT = 'dataset';

const DATASET = defineCommand({
  name: 'dataset',
  summary: `Write the archive's whole history as Parquet files: ${TABLES.map((table) => table.file).join(', ')},
with manifest.json (rows, bytes, SHA-256 of each) and README.md (the dataset card).`,
  options: {
    out: { type: 'string', value: 'DIR', help: `where to write them (default ${DEFAULT_OUT}/, which git ignores)` },
    hub: {
      type: 'boolean',
      help: 'also upload them to the Hugging Face dataset HF_DATASET (owner/name, a\nrepository that exists) with HF_TOKEN; without both, or if the upload\nfails, say so in one line and still exit 0',
    },
  },
  more: `Environment: DAYS_DIR, LINKS_DIR, TRENDING_DIR (default src/content/…), SITE_URL and
BASE_PATH (the card's link to the site), HF_DATASET and HF_TOKEN (with --hub),
GITHUB_STEP_SUMMARY (the workflow's summary gets the upload's line).

The tables and their columns are on the site's /data/ page and in the card.`,
});

runCommand(DATASET, async (values) => {
  const started = performance.now();
  const out = path.resolve(values.out ?? DEFAULT_OUT);
  const [days, links, trending] = await Promise.all([dayFiles.readAll(daysDir()), linksFiles.readAll(linksDir()), trendingFiles.readAll(trendingDir())]);
  const tables = datasetTables({ days, links, trending, topics });
  const manifest = await writeDataset(out, tables, buildArchive(days, topics).updatedAt);
  const site = { title: siteConfig.title, url: new URL(process.env.BASE_PATH || '/', process.env.SITE_URL || 'https://example.org').href };
  const repo = process.env.HF_DATASET?.trim();
  const card = datasetCard(manifest, site, repo || undefined);
  await writeFile(path.join(out, 'README.md'), card);
  for (const file of manifest.files) console.log(`${file.file}  ${plural(file.rows, 'row')}  ${(file.bytes / 1e6).toFixed(2)} MB`);
  console.log(
    `dataset: ${manifest.files.length} files in ${path.relative(process.cwd(), out) || '.'} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  if (!values.hub) return 0;
  const token = process.env.HF_TOKEN?.trim();
  const result =
    repo && token
      ? await publishToHub(out, card, { repo, token, ...(process.env.HF_ENDPOINT ? { hubUrl: process.env.HF_ENDPOINT } : {}) })
      : { ok: true, line: 'dataset: HF_DATASET or HF_TOKEN is not set: not uploaded to Hugging Face (see "The history as data" in the README)' };
  console.log(result.line);
  if (process.env.GITHUB_STEP_SUMMARY) await appendFile(process.env.GITHUB_STEP_SUMMARY, `${result.ok ? '' : '> **Warning** '}${result.line}\n`);
  return 0;
});
