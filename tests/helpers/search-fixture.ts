// An archive over three listing years for the search tests: a word ("lattice") in papers of
// every year, with upvotes chosen so that the most upvoted is in the oldest year and the order
// across years is known; hostile text in a title, an abstract and an author; and an abstract
// whose matching word sits far from its start, so the excerpt must move to it.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inputSources, runCapture } from '../../scripts/lib/capture/days/capture.ts';
import { apiItem } from './items.ts';

export const SEARCH_HOSTILE = {
  title: '<script>window.pwned=1</script><img src=x onerror="window.pwned=2"> Zebrafish Lattice',
  abstract: 'We study the zebrafish lattice <iframe src="javascript:window.pwned=3"></iframe> with care and <b>bold</b> claims.',
  author: '<b onmouseover="window.pwned=4">Mallory Bold</b>',
};

const FILLER = 'Our method improves robustness across many settings and benchmarks while keeping the cost of training modest.';

export interface LatticePaper {
  id: string;
  date: string;
  upvotes: number;
}

/** Every paper with "lattice" in its abstract: 12 in 2026, 8 in 2025, 6 in 2024, on two days a year. */
export const LATTICE: LatticePaper[] = [
  ...Array.from({ length: 12 }, (_, i) => ({ id: `2603.${String(100 + i).padStart(5, '0')}`, date: i < 6 ? '2026-03-04' : '2026-03-03', upvotes: 10 + i })),
  ...Array.from({ length: 8 }, (_, i) => ({
    id: `2506.${String(100 + i).padStart(5, '0')}`,
    date: i < 4 ? '2025-06-11' : '2025-06-10',
    upvotes: i === 0 ? 300 : 5 + i,
  })),
  ...Array.from({ length: 6 }, (_, i) => ({
    id: `2406.${String(100 + i).padStart(5, '0')}`,
    date: i < 3 ? '2024-06-12' : '2024-06-11',
    upvotes: i === 0 ? 500 : 1 + i,
  })),
];

/** The paper whose abstract mentions "quasicrystal" only after 60 other words. */
export const DEEP_WORD = { id: '2506.00900', word: 'quasicrystal' };

export async function makeSearchArchive(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'broadsheet-search-'));
  const input = path.join(root, 'input');
  const days = path.join(root, 'days');
  await mkdir(input);
  const byDate = new Map<string, Record<string, unknown>[]>();
  const add = (date: string, item: Record<string, unknown>) => byDate.set(date, [...(byDate.get(date) ?? []), item]);
  LATTICE.forEach((paper, i) =>
    add(
      paper.date,
      apiItem({
        id: paper.id,
        date: paper.date,
        upvotes: paper.upvotes,
        title: `Paper ${paper.id} on Crystal Structures`,
        abstract: `A lattice model listed on ${paper.date}. ${FILLER}`,
        era: '2025',
        // Organizations and code, so the filter panel has lists to load.
        ...(i % 2 ? { organization: { name: 'lattice-lab', fullname: 'Lattice Lab' } } : {}),
        ...(i % 3 ? {} : { githubRepo: `https://github.com/example/lattice-${i}` }),
      }),
    ),
  );
  add(
    '2026-03-04',
    apiItem({
      id: '2603.00900',
      date: '2026-03-04',
      upvotes: 1,
      title: SEARCH_HOSTILE.title,
      abstract: SEARCH_HOSTILE.abstract,
      authors: [SEARCH_HOSTILE.author, 'Eve Example'],
    }),
  );
  add(
    '2025-06-11',
    apiItem({
      id: DEEP_WORD.id,
      date: '2025-06-11',
      upvotes: 2,
      title: 'Tilings Without Periods',
      abstract: `${Array.from({ length: 6 }, () => FILLER).join(' ')} We end with a ${DEEP_WORD.word} that tiles the plane. ${FILLER}`,
      era: '2025',
    }),
  );
  for (const [date, items] of byDate) {
    // The API lists a day by upvotes, most first.
    items.sort((a, b) => (b.paper as { upvotes: number }).upvotes - (a.paper as { upvotes: number }).upvotes);
    await writeFile(path.join(input, `${date}.json`), JSON.stringify(items));
  }
  const summary = await runCapture(await inputSources({ input }), days, { now: () => new Date('2026-03-05T12:00:00Z') });
  if (summary.failed) throw new Error(`search fixture import failed: ${JSON.stringify(summary.days)}`);
  return days;
}
