// The scheduled job's commit step: commit the changed day files only if something changed, with
// a message that says what, then pull with rebase and push, retrying a few times (another run
// or a maintainer may have pushed in between).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export interface CommitOptions {
  cwd: string;
  /** The folders (or files) to commit, relative to cwd: the day files, the links, the trending lists. */
  paths: string[];
  message: string;
  push?: boolean;
  attempts?: number;
  sleep?: (ms: number) => Promise<void>;
  log?: (line: string) => void;
}

export type CommitResult = { committed: false } | { committed: true; pushed: boolean; sha: string };

async function git(cwd: string, ...args: string[]): Promise<string> {
  const { stdout } = await exec('git', args, { cwd });
  return stdout.trim();
}

export async function commitDays(options: CommitOptions): Promise<CommitResult> {
  const { cwd, message, log = () => {} } = options;
  const paths = options.paths;
  await git(cwd, 'add', '--all', '--', ...paths);
  try {
    await git(cwd, 'diff', '--cached', '--quiet', '--', ...paths);
    log('No day file changed: nothing to commit.');
    return { committed: false };
  } catch {
    // --quiet exits 1 when there are staged changes: go on and commit them.
  }
  await git(cwd, 'commit', '--quiet', '-m', message, '--', ...paths);
  const sha = await git(cwd, 'rev-parse', 'HEAD');
  log(`Committed ${sha.slice(0, 7)}: ${message}`);
  if (!options.push) return { committed: true, pushed: false, sha };

  const attempts = options.attempts ?? 4;
  const sleep = options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      // --autostash: an unrelated change in the work tree must not block the rebase.
      await git(cwd, 'pull', '--rebase', '--autostash', '--quiet');
      await git(cwd, 'push', '--quiet');
      log(`Pushed on attempt ${attempt}.`);
      return { committed: true, pushed: true, sha: await git(cwd, 'rev-parse', 'HEAD') };
    } catch (error) {
      const detail = ((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n').at(-1);
      if (attempt >= attempts) throw new Error(`push failed after ${attempts} attempts: ${detail}`, { cause: error });
      log(`Push attempt ${attempt} failed; retrying.`);
      await sleep(5_000 * attempt);
    }
  }
}
