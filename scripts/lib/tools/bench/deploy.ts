// The benchmark's --deploy: what `npm run deploy` costs at scale, against a real S3 API server
// (s3rver) on 127.0.0.1. A first deploy of the whole site; then one day refreshed (its upvotes
// move, as a daily run's refresh does), rebuilt and deployed again; then a deploy with nothing
// changed. Each deploy is measured as a process: seconds, peak memory, requests.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { measure, type Measured } from './measure.ts';

export interface DeployRun {
  label: string;
  seconds: number;
  peakRss: number;
  uploaded: number;
  sent: string;
  deleted: number;
  unchanged: number;
  requests: number;
}

const SUMMARY = /: ([\d,]+) uploaded \(([^)]+)\), ([\d,]+) deleted.*?, ([\d,]+) unchanged; ([\d,]+) requests? in/;
const int = (text: string) => Number(text.replace(/,/g, ''));

function parseDeploy(label: string, result: Measured): DeployRun {
  const match = result.output.match(SUMMARY);
  if (result.code !== 0 || !match) throw new Error(`deploy (${label}) failed:\n${result.output.slice(-2000)}`);
  return {
    label,
    seconds: result.seconds,
    peakRss: result.peakTreeRss,
    uploaded: int(match[1]!),
    sent: match[2]!,
    deleted: int(match[3]!),
    unchanged: int(match[4]!),
    requests: int(match[5]!),
  };
}

/** The newest day file in `days`, refreshed: every paper a few upvotes more, seen a day later. */
export async function refreshNewestDay(days: string, newest: string): Promise<void> {
  const file = path.join(days, `${newest}.json`);
  const day = JSON.parse(await readFile(file, 'utf8')) as {
    papers: { upvotes: number; lastSeenAt: string; upvoteHistory: { at: string; upvotes: number }[] }[];
  };
  const at = new Date(Date.parse(day.papers[0]!.lastSeenAt) + 86_400_000).toISOString();
  for (const paper of day.papers) {
    paper.upvotes += 3;
    paper.lastSeenAt = at;
    paper.upvoteHistory.push({ at, upvotes: paper.upvotes });
  }
  await writeFile(file, JSON.stringify(day, null, 2) + '\n');
}

export async function benchDeploys(options: {
  dist: string;
  work: string;
  refresh: () => Promise<void>;
  rebuild: () => Promise<Measured>;
}): Promise<DeployRun[]> {
  const { default: S3rver } = await import('s3rver');
  const directory = path.join(options.work, 's3');
  await rm(directory, { recursive: true, force: true });
  await mkdir(directory, { recursive: true });
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: 'bench', configs: [] }] });
  const { port } = await server.run();
  const env = {
    ...process.env,
    S3_BUCKET: 'bench',
    S3_ENDPOINT: `http://127.0.0.1:${port}`,
    // s3rver's one key pair.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
  };
  const deployOnce = async (label: string) => parseDeploy(label, await measure(process.execPath, ['scripts/deploy.ts', `--dir=${options.dist}`], env));
  try {
    const runs = [await deployOnce('first deploy (every file)')];
    await options.refresh();
    const rebuilt = await options.rebuild();
    if (rebuilt.code !== 0) throw new Error(`rebuild after the refresh failed:\n${rebuilt.output.slice(-2000)}`);
    runs.push(await deployOnce('after one day refreshed'));
    runs.push(await deployOnce('with nothing changed'));
    return runs;
  } finally {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  }
}
