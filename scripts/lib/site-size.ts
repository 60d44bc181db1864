// The size of the built site against GitHub Pages' limit: Pages refuses a site over 1 GB, and a
// deploy that fails there fails after the capture was committed, with a message about artifacts.
// The build says it first, naming the limit.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_MAX_SITE_MB = 950;
const MB = 1e6;

/** Sum of the sizes of every file below `dir`, and how many there are. */
export async function siteSize(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile());
  const sizes = await Promise.all(files.map(async (entry) => (await stat(path.join(entry.parentPath, entry.name))).size));
  return { bytes: sizes.reduce((sum, size) => sum + size, 0), files: files.length };
}

/** MAX_SITE_MB from the environment: a positive number of megabytes (10^6 bytes). */
export function maxSiteMb(env: NodeJS.ProcessEnv = process.env): number {
  const value = env.MAX_SITE_MB?.trim();
  if (!value) return DEFAULT_MAX_SITE_MB;
  const mb = Number(value);
  if (!Number.isFinite(mb) || mb <= 0) throw new Error(`MAX_SITE_MB=${value}: expected a positive number of megabytes`);
  return mb;
}

export function sizeVerdict(size: { bytes: number; files: number }, limitMb: number): { ok: boolean; message: string } {
  const mb = size.bytes / MB;
  const line = `dist: ${mb.toFixed(1)} MB in ${size.files.toLocaleString('en-US')} files (limit ${limitMb} MB, MAX_SITE_MB)`;
  if (mb <= limitMb) return { ok: true, message: line };
  return {
    ok: false,
    message: `${line}: over the limit. GitHub Pages refuses sites over 1 GB; see "When the design hits a limit" in docs/performance.md for what to do.`,
  };
}
