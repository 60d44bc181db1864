// What `npm run dataset` costs on the benchmark's archive: its time and memory over several runs,
// the files' rows and sizes, and the time DuckDB takes to answer the /data/ page's first query
// over them (a fresh database each run, so nothing is cached between runs).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DatasetManifest, EXAMPLES } from '../../../../src/lib/dataset.ts';
import type { benchDirs } from './archive.ts';
import { measure } from './measure.ts';
import { buildEnv } from './run.ts';

export interface DatasetBench {
  seconds: number[];
  peakRss: number[];
  manifest: DatasetManifest;
  querySeconds: number[];
}

export async function benchDataset(dirs: ReturnType<typeof benchDirs>, runs: number): Promise<DatasetBench> {
  const out = path.join(dirs.root, 'dataset');
  const seconds: number[] = [];
  const peakRss: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await measure(process.execPath, ['scripts/dataset.ts', '--out', out], buildEnv(dirs));
    if (result.code !== 0) throw new Error(`npm run dataset failed:\n${result.output.slice(-2000)}`);
    seconds.push(result.seconds);
    peakRss.push(result.peakTreeRss);
  }
  const manifest = DatasetManifest.parse(JSON.parse(await readFile(path.join(out, 'manifest.json'), 'utf8')));
  const querySeconds: number[] = [];
  for (let run = 0; run < runs; run++) {
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    const started = performance.now();
    await db.runAndReadAll(EXAMPLES[0]!.code(`${out}/`));
    querySeconds.push((performance.now() - started) / 1000);
    db.closeSync();
  }
  return { seconds, peakRss, manifest, querySeconds };
}
