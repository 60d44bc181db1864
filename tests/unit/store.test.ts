import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dayFiles, daysDir, readEmptyDays, serializeDay, writeEmptyDays } from '../../scripts/lib/capture/days/store.ts';
import { listDates } from '../../scripts/lib/capture/store.ts';
import type { Day } from '../../src/lib/schema.ts';

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
    await expect(dayFiles.write(dir, { ...day(1), date: '2026-02-30' })).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it('name the file and the field when a day file is malformed', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    const broken = JSON.parse(serializeDay(day(1)));
    broken.papers[0].upvotes = 'many';
    await writeFile(path.join(dir, '2026-03-06.json'), JSON.stringify(broken));
    await expect(dayFiles.read(dir, '2026-03-06')).rejects.toThrow(
      `${path.join(dir, '2026-03-06.json')}: papers[0].upvotes: Invalid input: expected number, received string`,
    );
  });

  it('refuse a day file whose date disagrees with its name, naming both', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    await writeFile(path.join(dir, '2026-03-07.json'), serializeDay(day(1)));
    await expect(dayFiles.read(dir, '2026-03-07')).rejects.toThrow(`${path.join(dir, '2026-03-07.json')}: date is 2026-03-06, expected 2026-03-07`);
  });

  it('refuse a day listing one paper twice, naming the paper', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    const twice = { ...day(1), papers: [day(1).papers[0]!, day(2).papers[0]!] };
    await writeFile(path.join(dir, '2026-03-06.json'), JSON.stringify(twice));
    await expect(dayFiles.read(dir, '2026-03-06')).rejects.toThrow('papers[1].id: duplicate paper 2603.00001');
    await expect(dayFiles.write(dir, twice)).rejects.toThrow();
  });

  it('say what is wrong with a file that is not JSON, and read a missing day as absent', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    await writeFile(path.join(dir, '2026-03-06.json'), '{"date": "2026-03-06", "papers": [');
    await expect(dayFiles.read(dir, '2026-03-06')).rejects.toThrow(`${path.join(dir, '2026-03-06.json')}: not valid JSON`);
    expect(await dayFiles.read(dir, '2026-03-09')).toBeUndefined();
    expect(await listDates(path.join(dir, 'nowhere'))).toEqual([]);
  });

  it('list only dated day files, oldest first', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    for (const name of ['2026-03-09.json', '2026-03-06.json', 'empty-days.json', '.2026-03-05.json.1.tmp', 'notes.txt'])
      await writeFile(path.join(dir, name), '{}');
    expect(await listDates(dir)).toEqual(['2026-03-06', '2026-03-09']);
  });

  it('read every day of a folder, oldest first, each checked, and none for a folder not there', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    await dayFiles.write(dir, { ...day(3), date: '2026-03-09' });
    await dayFiles.write(dir, day(1));
    await writeEmptyDays(dir, ['2026-03-07']);
    expect((await dayFiles.readAll(dir)).map((d) => [d.date, d.papers[0]!.upvotes])).toEqual([
      ['2026-03-06', 1],
      ['2026-03-09', 3],
    ]);
    expect(await dayFiles.readAll(path.join(dir, 'nowhere'))).toEqual([]);
    await writeFile(path.join(dir, '2026-03-10.json'), '{"date": "2026-03-11", "papers": []}');
    await expect(dayFiles.readAll(dir)).rejects.toThrow(`${path.join(dir, '2026-03-10.json')}: date is 2026-03-11, expected 2026-03-10`);
  });

  it('keep the days known to be empty, sorted and unique, and name the file when it is broken', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    expect(await readEmptyDays(dir)).toEqual(new Set());
    await writeEmptyDays(dir, ['2023-05-07', '2023-05-06', '2023-05-07']);
    expect(await readFile(path.join(dir, 'empty-days.json'), 'utf8')).toBe('{\n  "days": [\n    "2023-05-06",\n    "2023-05-07"\n  ]\n}\n');
    expect(await readEmptyDays(dir)).toEqual(new Set(['2023-05-06', '2023-05-07']));
    await writeEmptyDays(dir, []);
    expect(await readFile(path.join(dir, 'empty-days.json'), 'utf8')).toBe('{\n  "days": []\n}\n');
    await writeFile(path.join(dir, 'empty-days.json'), '{"days": ["2023-02-30"]}');
    await expect(readEmptyDays(dir)).rejects.toThrow(`${path.join(dir, 'empty-days.json')}: days[0]`);
    await writeFile(path.join(dir, 'empty-days.json'), 'nope');
    await expect(readEmptyDays(dir)).rejects.toThrow('empty-days.json: not valid JSON');
  });

  it('resolve DAYS_DIR, defaulting to the repository archive', () => {
    expect(daysDir({})).toBe(path.resolve('src/content/days'));
    expect(daysDir({ DAYS_DIR: '/tmp/x' })).toBe('/tmp/x');
    expect(dayFiles.file('/a', '2026-03-06')).toBe(path.join('/a', '2026-03-06.json'));
  });

  it('survive a process killed between writing the new file and renaming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'days-'));
    await dayFiles.write(dir, day(1));
    const before = await readFile(path.join(dir, '2026-03-06.json'), 'utf8');
    // A real process writes day(99), announces the rename is next, and waits to be killed.
    const script = `
      import { dayFiles } from ${JSON.stringify(path.resolve('scripts/lib/capture/days/store.ts'))};
      const day = ${JSON.stringify(day(99))};
      await dayFiles.write(${JSON.stringify(dir)}, day, undefined, { beforeRename: () => { process.stdout.write('ready\\n'); return new Promise(() => setInterval(() => {}, 1000)); } });
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
      child.on('exit', (code) => reject(new Error(`child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.on('exit', resolve));
    expect(await readFile(path.join(dir, '2026-03-06.json'), 'utf8')).toBe(before);
    expect((await dayFiles.read(dir, '2026-03-06'))?.papers[0]?.upvotes).toBe(1);
    // The orphaned temporary file is not a day file: the build's glob and listDates skip it.
    expect((await readdir(dir)).filter((name) => name.endsWith('.json'))).toEqual(['2026-03-06.json']);
  });
});
