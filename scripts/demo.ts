// npm run demo: the offline first look. Generates the invented sample archive in the hub's API
// format, imports it with `snapshot --input` into .demo/days (never the real archive), builds
// the site into .demo/dist and serves it. `--no-serve` stops after the build.
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateSample } from './lib/sample.ts';

const { values } = parseArgs({ options: { 'no-serve': { type: 'boolean', default: false }, days: { type: 'string', default: '45' } } });
const root = path.resolve('.demo');
const input = path.join(root, 'input');
const env = {
  ...process.env,
  DAYS_DIR: path.join(root, 'days'),
  OUT_DIR: path.join(root, 'dist'),
  CACHE_DIR: path.join(root, 'cache'),
  SITE_NOTICE: process.env.SITE_NOTICE ?? 'Demo: an invented sample archive. Every paper here is made up.',
};

function step(title: string, command: string, args: string[]): void {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`demo: ${title} failed (exit ${result.status ?? result.signal})`);
    process.exit(1);
  }
}

await rm(root, { recursive: true, force: true });
await mkdir(input, { recursive: true });
const days = generateSample({ days: Number(values.days), papersPerDay: 18, start: '2026-09-01' });
for (const day of days) await writeFile(path.join(input, `${day.date}.json`), JSON.stringify(day.items, null, 1));
console.log(`▶ Generated ${days.length} listed days, ${days.reduce((n, d) => n + d.items.length, 0)} papers, in ${path.relative('.', input)}/`);

step('Import with the snapshot command', process.execPath, ['scripts/snapshot.ts', '--input', input]);
step('Build the site', 'npm', ['run', 'build']);
if (!values['no-serve']) step('Serve it (Ctrl-C to stop)', 'npm', ['run', 'preview']);
