// The day capture in this process (the snapshot command runs it as a process in tests/commands):
// recorded files imported by file or folder, what each day's outcome is and says, the days known
// to be empty, and a failing day that leaves its file untouched.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSummary, inputSources, runCapture, type DaySource } from '../../scripts/lib/capture/days/capture.ts';
import { dayFiles, readEmptyDays } from '../../scripts/lib/capture/days/store.ts';
import { apiItem } from '../helpers/items.ts';

const temp = () => mkdtemp(path.join(tmpdir(), 'broadsheet-capture-'));
const at = (iso: string) => () => new Date(iso);
const items = (date: string, ...ids: string[]) => ids.map((id) => apiItem({ id, date, upvotes: 3 }));
const source = (date: string, list: unknown[]): DaySource => ({ date, load: async () => ({ items: list as never, source: 'api' }) });

describe('importing recorded listings', () => {
  it('reads a folder of dated files in date order, within the window when one is given, ignoring other files', async () => {
    const input = await temp();
    await writeFile(path.join(input, '2026-03-06.json'), JSON.stringify(items('2026-03-06', '2603.00002')));
    await writeFile(path.join(input, '2026-03-05.json'), JSON.stringify(items('2026-03-05', '2603.00001')));
    await writeFile(path.join(input, 'notes.json'), '[]');
    expect((await inputSources({ input })).map((s) => s.date)).toEqual(['2026-03-05', '2026-03-06']);
    expect((await inputSources({ input, window: { from: '2026-03-06', to: '2026-03-06' } })).map((s) => s.date)).toEqual(['2026-03-06']);
    const [first] = await inputSources({ input });
    expect((await first!.load()).items.map((item) => item.paper.id)).toEqual(['2603.00001']);
  });

  it('reads one file with the date in its name or given, and names a missing or bad input', async () => {
    const input = await temp();
    const file = path.join(input, 'capture-2026-03-06.json');
    await writeFile(file, JSON.stringify(items('2026-03-06', '2603.00002')));
    expect((await inputSources({ input: file })).map((s) => s.date)).toEqual(['2026-03-06']);
    const undated = path.join(input, 'listing.json');
    await writeFile(undated, '{"not": "a listing"');
    await expect(inputSources({ input: undated })).rejects.toThrow(`--input ${undated}: no YYYY-MM-DD in the file name; give --date`);
    const [bad] = await inputSources({ input: undated, inputDate: '2026-03-07' });
    await expect(bad!.load()).rejects.toThrow(undated);
    await expect(inputSources({ input: path.join(input, 'nope') })).rejects.toThrow(`--input ${path.join(input, 'nope')}: no such file or folder`);
  });
});

describe('a run of the day capture', () => {
  it('writes new days, leaves a day the same listing would not change, and says each in a line', async () => {
    const dir = await temp();
    const lines: string[] = [];
    const first = await runCapture([source('2026-03-05', items('2026-03-05', '2603.00001', '2603.00002'))], dir, {
      now: at('2026-03-05T06:00:00Z'),
      log: (l) => lines.push(l),
    });
    expect(first).toMatchObject({ written: 1, added: 2, failed: 0, remaining: [] });
    const again = await runCapture([source('2026-03-05', items('2026-03-05', '2603.00001', '2603.00002'))], dir, {
      now: at('2026-03-05T06:00:00Z'),
      log: (l) => lines.push(l),
    });
    expect(again.days.map((d) => d.status)).toEqual(['unchanged']);
    expect(lines).toEqual(['2026-03-05  2 papers  +2 added, 0 updated  (api)', '2026-03-05  2 papers  unchanged']);
    expect(formatSummary(again)).toBe('1 day: 0 written, 1 unchanged, 0 without a listing, 0 failed; 0 papers added');
  });

  it('keeps a held day whose listing comes back empty, writes nothing for a day never listed, and remembers which', async () => {
    const dir = await temp();
    await runCapture([source('2026-03-06', items('2026-03-06', '2603.00002'))], dir, { now: at('2026-03-06T06:00:00Z') });
    const lines: string[] = [];
    const run = await runCapture([source('2026-03-06', []), source('2026-03-07', [])], dir, { recordEmpty: true, log: (l) => lines.push(l) });
    expect(run.days.map((d) => [d.date, d.status, d.papers])).toEqual([
      ['2026-03-06', 'kept', 1],
      ['2026-03-07', 'empty', 0],
    ]);
    expect(lines).toEqual([
      '2026-03-06  the listing came back empty: kept the 1 paper already captured',
      '2026-03-07  no listing (weekend or holiday): nothing written',
    ]);
    expect(formatSummary(run)).toBe('2 days: 0 written, 0 unchanged, 2 without a listing, 0 failed; 0 papers added');
    expect((await dayFiles.read(dir, '2026-03-06'))!.papers.map((p) => p.id)).toEqual(['2603.00002']);
    expect(await dayFiles.read(dir, '2026-03-07')).toBeUndefined();
    expect([...(await readEmptyDays(dir))]).toEqual(['2026-03-07']);
    // The hub lists that weekend late: it is no longer empty.
    await runCapture([source('2026-03-07', items('2026-03-07', '2603.00003'))], dir, { recordEmpty: true });
    expect([...(await readEmptyDays(dir))]).toEqual([]);
  });

  it('reports a failing day with its error, leaves its file as it was, and goes on to the next', async () => {
    const dir = await temp();
    await runCapture([source('2026-03-05', items('2026-03-05', '2603.00001'))], dir, { now: at('2026-03-05T06:00:00Z') });
    const before = await readFile(path.join(dir, '2026-03-05.json'), 'utf8');
    const lines: string[] = [];
    const failing: DaySource = { date: '2026-03-05', load: async () => Promise.reject(new Error('the hub answered HTTP 500')) };
    const run = await runCapture([failing, { ...source('2026-03-06', items('2026-03-06', '2603.00002')), backfill: true }], dir, { log: (l) => lines.push(l) });
    expect(run).toMatchObject({ failed: 1, written: 1 });
    expect(run.days[1]).toMatchObject({ date: '2026-03-06', backfill: true });
    expect(lines[0]).toBe('2026-03-05  FAILED  the hub answered HTTP 500');
    expect(await readFile(path.join(dir, '2026-03-05.json'), 'utf8')).toBe(before);
  });

  it('with --force, says how many papers the listing no longer holds were dropped', async () => {
    const dir = await temp();
    await mkdir(dir, { recursive: true });
    await runCapture([source('2026-03-05', items('2026-03-05', '2603.00001', '2603.00002'))], dir, { now: at('2026-03-05T06:00:00Z') });
    const lines: string[] = [];
    await runCapture([source('2026-03-05', items('2026-03-05', '2603.00001'))], dir, {
      force: true,
      now: at('2026-03-05T07:00:00Z'),
      log: (l) => lines.push(l),
    });
    expect(lines).toEqual(['2026-03-05  1 paper  +0 added, 0 updated, 1 dropped (--force)  (api)']);
  });
});
