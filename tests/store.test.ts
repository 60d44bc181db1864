import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDay, serializeDay, writeDay } from '../scripts/lib/store.ts';
import type { Day } from '../src/lib/schema.ts';

const day = (upvotes: number): Day => ({
  date: '2026-03-06',
  papers: [
    {
      id: '2603.00001',
      title: 'T',
      abstract: 'A',
      authors: ['Ada'],
      upvotes,
      comments: 0,
      firstSeenAt: '2026-03-06T06:00:00.000Z',
      lastSeenAt: '2026-03-06T06:00:00.000Z',
    },
  ],
});

describe('day files', () => {
  it('are written with a stable key order whatever order the object had', async () => {
    const shuffled = { papers: [Object.fromEntries(Object.entries(day(1).papers[0]!).reverse())], date: '2026-03-06' } as Day;
    expect(serializeDay(shuffled)).toBe(serializeDay(day(1)));
    expect(serializeDay(day(1))).toMatch(/^\{\n {2}"date": "2026-03-06",\n {2}"papers": \[\n {4}\{\n {6}"id": "2603.00001",\n {6}"title"/);
  });

  it('refuse to be written when invalid', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    await expect(writeDay(dir, { ...day(1), date: '2026-02-30' })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('name the file and the field when a day file is malformed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    const broken = JSON.parse(serializeDay(day(1)));
    broken.papers[0].upvotes = 'many';
    await writeFile(path.join(dir, '2026-03-06.json'), JSON.stringify(broken));
    await expect(readDay(dir, '2026-03-06')).rejects.toThrow(
      `${path.join(dir, '2026-03-06.json')}: papers[0].upvotes: Invalid input: expected number, received string`,
    );
  });

  it('survive a process killed between writing the new file and renaming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    await writeDay(dir, day(1));
    const before = await readFile(path.join(dir, '2026-03-06.json'), 'utf8');
    // A real process writes day(99), announces the rename is next, and waits to be killed.
    const script = `
      import { writeDay } from ${JSON.stringify(path.resolve('scripts/lib/store.ts'))};
      const day = ${JSON.stringify(day(99))};
      await writeDay(${JSON.stringify(dir)}, day, { beforeRename: () => { process.stdout.write('ready\\n'); return new Promise(() => setInterval(() => {}, 1000)); } });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(await readFile(path.join(dir, '2026-03-06.json'), 'utf8')).toBe(before);
    expect((await readDay(dir, '2026-03-06'))?.papers[0]?.upvotes).toBe(1);
    // The orphaned temporary file is not a day file: the build's glob and listDays skip it.
    expect((await readdir(dir)).filter((name) => name.endsWith('.json'))).toEqual(['2026-03-06.json']);
  });
});
