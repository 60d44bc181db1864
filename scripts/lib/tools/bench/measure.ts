// Run a command and measure it as a whole: wall time, and peak resident memory of its whole
// process tree (Astro's Node process and the Pagefind binary it starts), sampled from /proc.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';

export interface Measured {
  seconds: number;
  /** Peak of the summed RSS of the process tree, bytes. */
  peakTreeRss: number;
  /** Peak RSS per program name (e.g. node, pagefind), bytes. */
  peakByName: Record<string, number>;
  output: string;
  code: number;
}

interface Proc {
  pid: number;
  ppid: number;
  name: string;
  rss: number;
}

const PAGE = 4096;

async function processes(): Promise<Proc[]> {
  const procs: Proc[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      // The name is in parentheses and may contain spaces; the fields after it are fixed.
      const close = stat.lastIndexOf(')');
      const name = stat.slice(stat.indexOf('(') + 1, close);
      const fields = stat.slice(close + 2).split(' ');
      procs.push({ pid: Number(entry), ppid: Number(fields[1]), name, rss: Number(fields[21]) * PAGE });
    } catch {
      // The process ended while we looked.
    }
  }
  return procs;
}

function tree(root: number, procs: Proc[]): Proc[] {
  const children = new Map<number, Proc[]>();
  for (const proc of procs) children.set(proc.ppid, [...(children.get(proc.ppid) ?? []), proc]);
  const result: Proc[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    const self = procs.find((p) => p.pid === pid);
    if (self) result.push(self);
    for (const child of children.get(pid) ?? []) stack.push(child.pid);
  }
  return result;
}

export async function measure(command: string, args: string[], env: NodeJS.ProcessEnv, intervalMs = 200): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  let peakTreeRss = 0;
  const peakByName: Record<string, number> = {};
  let running = true;
  const sampler = (async () => {
    while (running) {
      const members = tree(child.pid!, await processes());
      peakTreeRss = Math.max(
        peakTreeRss,
        members.reduce((sum, p) => sum + p.rss, 0),
      );
      for (const member of members) {
        // Node 24 names its main thread "MainThread"; the Pagefind binary's name varies by platform.
        const name = /pagefind/i.test(member.name) ? 'pagefind' : member.name === 'MainThread' ? 'node' : member.name;
        peakByName[name] = Math.max(peakByName[name] ?? 0, member.rss);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  running = false;
  await sampler;
  return { seconds: (performance.now() - started) / 1000, peakTreeRss, peakByName, output, code };
}
