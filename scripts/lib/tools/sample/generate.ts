// A deterministic, invented archive in the hub's API format: the demo's data and the benchmark's.
// Every title, author and abstract is made up; titles of the sample say so on the site's banner.
import { addDays } from '../../../../src/lib/dates.ts';
import { mulberry32 } from './random.ts';
import { ADJ, AREAS, FIRST, GENERIC_KEYWORDS, HOSTILE_TITLES, inventedName, LAST, NAMES, ORG_KINDS, pick, SENTENCES, technicalSentence } from './words.ts';

export interface SampleOptions {
  /** Listed days (weekdays) to generate; with `papers`, the most to use. */
  days: number;
  /** Stop at exactly this many papers (the benchmark's sizes). */
  papers?: number;
  /** Average papers per listed day. */
  papersPerDay: number;
  /** The first calendar day. */
  start: string;
  seed?: number;
  /**
   * Exact listed days and their paper counts (e.g. those of a recorded archive), instead of
   * `days` weekdays from `start`: a sample of the same size and spread as real listings.
   */
  like?: readonly { date: string; papers: number }[];
}

/** One item of the hub's `/api/daily_papers` listing, with the fields the sample fills in. */
export interface SampleItem {
  paper: {
    id: string;
    title: string;
    summary: string;
    upvotes: number;
    authors: { _id: string; name: string; hidden: boolean }[];
    [field: string]: unknown;
  };
  publishedAt: string;
  title: string;
  numComments: number;
  [field: string]: unknown;
}

export interface SampleDay {
  date: string;
  items: SampleItem[];
}

/** The arXiv-style id of the n-th paper of a month. */
function arxivId(date: string, n: number): string {
  return `${date.slice(2, 4)}${date.slice(5, 7)}.${String(10000 + n).padStart(5, '0')}`;
}

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The hub's AI summaries and keywords appear on listings from this day on (as in the recorded days). */
export const SUMMARY_ERA = '2025-03-17';
/** ...and the organizations from this day on. */
export const ORGANIZATION_ERA = '2025-10-01';

/**
 * Organizations as a Pitman-Yor process: each paper's organization is a new one with a
 * probability that shrinks as the archive grows, else an existing one in proportion to its
 * papers. With these parameters, like the real listings: ~80 organizations for the first 100
 * papers that name one, ~850 for 3,100, a few with hundreds of papers and most with one.
 */
function orgPicker(random: () => number): () => { name: string; fullname: string } {
  const DISCOUNT = 0.55;
  const CONCENTRATION = 60;
  const orgs: { name: string; fullname: string; papers: number }[] = [];
  let total = 0;
  return () => {
    let u = random() * (total + CONCENTRATION);
    let org = undefined as (typeof orgs)[number] | undefined;
    if (u >= CONCENTRATION + DISCOUNT * orgs.length) {
      u -= CONCENTRATION + DISCOUNT * orgs.length;
      for (const candidate of orgs) {
        u -= candidate.papers - DISCOUNT;
        if (u < 0) {
          org = candidate;
          break;
        }
      }
      org ??= orgs.at(-1);
    }
    if (!org) {
      const word = inventedName(random);
      const kind = pick(random, ORG_KINDS);
      org = { name: `${word}-${kind}`.replace(/ /g, '-'), fullname: `${word} ${kind} (invented)`, papers: 0 };
      orgs.push(org);
    }
    org.papers++;
    total++;
    return { name: org.name, fullname: org.fullname };
  };
}

/**
 * Authors as a Pitman-Yor process too, over the whole archive: each author of a paper is someone
 * new with a probability that shrinks as the archive grows, else someone who already wrote, in
 * proportion to their papers. Like the real history (9,291 papers naming 39,619 people, 15,912 on
 * two papers or more), its first 9,291 papers name 33,700 people, 15,000 on two or more. One new
 * person in twenty gets a common first and last name (so some share one, as "Yang Liu" is many),
 * the rest an invented last name. A uniformly drawn earlier place, kept with probability
 * (papers - d) / papers, picks in proportion to papers - d without a walk over everyone.
 */
function authorPicker(random: () => number): () => string {
  const DISCOUNT = 0.4;
  const CONCENTRATION = 10_000;
  const names: string[] = [];
  const papers: number[] = [];
  const places: number[] = [];
  return () => {
    let who: number;
    if (random() * (places.length + CONCENTRATION) < CONCENTRATION + DISCOUNT * names.length) {
      who = names.length;
      names.push(
        random() < 0.05
          ? `${pick(random, FIRST)} ${pick(random, LAST)}`
          : `${random() < 0.5 ? pick(random, FIRST) : inventedName(random)} ${inventedName(random)}`,
      );
      papers.push(0);
    } else {
      do who = places[Math.floor(random() * places.length)]!;
      while (random() >= (papers[who]! - DISCOUNT) / papers[who]!);
    }
    papers[who]!++;
    places.push(who);
    return names[who]!;
  };
}

/** About ten keywords: some of the paper's own area, some of one or two others, the rest general. */
function keywordsOf(random: () => number, area: (typeof AREAS)[number]): string[] {
  const chosen = new Set<string>(area.kw.filter(() => random() < 0.7));
  for (const other of [pick(random, AREAS), ...(random() < 0.3 ? [pick(random, AREAS)] : [])]) chosen.add(pick(random, other.kw));
  while (chosen.size < 9 + Math.floor(random() * 3)) chosen.add(pick(random, GENERIC_KEYWORDS));
  return [...chosen];
}

/** Authors per paper as real papers have them: a median of 7, a mean near 10, one in twenty over 20. */
function authorCount(random: () => number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.max(1, Math.round(7 * Math.exp(0.7 * normal)));
}

/** What one paper's making needs beyond the generator: the day, its place, and the archive's organizations. */
interface PaperContext {
  date: string;
  /** The paper's number in its month, for its id. */
  n: number;
  /** A listed day's last paper on every fifth day carries hostile text. */
  hostile: string | undefined;
  /** The first paper on every thirtieth day is a collaboration of hundreds. */
  collaboration: boolean;
  organization: () => { name: string; fullname: string };
  author: () => string;
}

/** One invented paper as the hub lists it; draws from `random` in a fixed order, so samples repeat exactly. */
function sampleItem(random: () => number, { date, n, hostile, collaboration, organization, author }: PaperContext): SampleItem {
  const area = pick(random, AREAS);
  const name = random() < 0.3 ? pick(random, NAMES) : inventedName(random) + (random() < 0.3 ? `-${1 + Math.floor(random() * 9)}` : '');
  let title = `${name}: ${pick(random, ADJ)} ${area.noun} for ${area.task[0]!.toUpperCase()}${area.task.slice(1)}`;
  const formula = random();
  if (formula < 0.01) title = `$\\nabla^2$${title}`;
  else if (formula < 0.02) title = title.replace(': ', ': $\\tau$-');
  if (hostile) title = hostile;
  // A collaboration of hundreds now and then, as in physics-scale projects.
  const authorTotal = collaboration ? 480 : authorCount(random);
  const names = new Set<string>();
  // A person is on a paper once: a second draw of them is a place for someone else.
  for (let tries = 0; names.size < authorTotal && tries < authorTotal * 3; tries++) names.add(author());
  const authors = [...names].map((name) => ({ _id: 'sample', name, hidden: false }));
  // A selection of the template sentences, in their order of argument, and sentences of words
  // drawn from a large vocabulary as real abstracts' rarer words are (Zipf's law): a search
  // index's size follows how many different words it holds, not only how many.
  const sentences = SENTENCES.filter(() => random() < 0.4).slice(0, 4);
  sentences.splice(1, 0, ...Array.from({ length: random() < 0.5 ? 6 : 7 }, () => technicalSentence(random)));
  // Formulas are rare in the hub's abstracts (none in the recorded days) and titles (about 1 in 100).
  if (random() < 0.02) sentences.push('We prove the estimator converges at rate $O(1/\\sqrt{n})$ with variance bounded by $\\sigma^2$.');
  let abstract = sentences.join(' ').replaceAll('{noun}', area.noun.toLowerCase()).replaceAll('{task}', area.task).replaceAll('{name}', name);
  // arXiv's hard wraps, which the snapshot collapses.
  abstract = abstract.replace(/(.{60,75}) /g, '$1\n');
  if (hostile) abstract = `A control character \u0007 and a form feed \u000c hide in this abstract. ${abstract}`;
  // Settled counts: most papers get a handful, a few hundreds.
  const upvotes = Math.floor(150 * random() ** 4);
  const listedAt = `${date}T0${Math.floor(random() * 10)}:${String(Math.floor(random() * 60)).padStart(2, '0')}:00.000Z`;
  const hasCode = random() < 0.45;
  const summarised = date >= SUMMARY_ERA;
  const paper = {
    id: arxivId(date, n),
    authors,
    publishedAt: `${addDays(date, -1 - Math.floor(random() * 3))}T17:00:00.000Z`,
    submittedOnDailyAt: listedAt,
    title,
    submittedOnDailyBy: { _id: 'sample', user: pick(random, ['akhaliq', 'sample-curator', 'demo-user']), type: 'user' },
    summary: abstract,
    upvotes,
    discussionId: 'sample',
    ai_summary:
      summarised && random() < 0.97
        ? `${name} improves ${area.task} with an adaptive router and a lightweight verifier, raising accuracy on eleven public benchmarks while reducing inference cost by up to 2.7 times across model sizes.`
        : undefined,
    ai_keywords: summarised ? keywordsOf(random, area) : undefined,
    githubRepo: hasCode ? `https://github.com/sample-org/${name.toLowerCase()}` : undefined,
    githubStars: hasCode ? Math.floor(2000 * random() ** 2) : undefined,
    projectPage: random() < 0.3 ? `https://example.org/${name.toLowerCase()}` : undefined,
    organization: date >= ORGANIZATION_ERA && random() < 0.6 ? organization() : undefined,
  };
  return {
    // As JSON carries it: fields the hub omits are absent, not undefined.
    paper: JSON.parse(JSON.stringify(paper)) as SampleItem['paper'],
    publishedAt: listedAt,
    title: title.replace(/\s+/g, ' '),
    thumbnail: 'https://example.org/thumbnail.png',
    numComments: Math.floor(6 * random() ** 2),
    isAuthorParticipating: random() < 0.3,
  };
}

/** The days to fill: those of `like`, or weekdays from `start`. */
function* sampleDates(options: SampleOptions): Generator<string> {
  if (options.like) yield* options.like.map((day) => day.date);
  else for (let date = options.start; ; date = addDays(date, 1)) if (!isWeekend(date)) yield date;
}

/** Generate the archive, weekdays only (or the days of `like`); day 3 is above the API's 50-item page. */
export function generateSample(options: SampleOptions): SampleDay[] {
  const random = mulberry32(options.seed ?? 20230504);
  const days: SampleDay[] = [];
  const perMonth = new Map<string, number>();
  const organization = orgPicker(random);
  // People draw from a stream of their own, so how many there are does not shift the rest of the sample.
  const author = authorPicker(mulberry32((options.seed ?? 20230504) + 1));
  let hostile = 0;
  let previousDayItem: SampleItem | undefined;
  let total = 0;
  const target = options.papers ?? Infinity;
  for (const date of sampleDates(options)) {
    if (days.length >= (options.like?.length ?? options.days) || total >= target) break;
    const index = days.length;
    const spread = Math.max(1, Math.round(options.papersPerDay * 0.5));
    let count = options.like?.[index]!.papers ?? options.papersPerDay - spread + Math.floor(random() * (2 * spread + 1));
    if (index === 2 && !options.like) count = Math.max(count, 57);
    count = Math.min(count, target - total);
    const items: SampleItem[] = [];
    for (let i = 0; i < count; i++) {
      const month = date.slice(0, 7);
      const n = (perMonth.get(month) ?? 0) + 1;
      perMonth.set(month, n);
      const last = index % 5 === 1 && i === count - 1;
      const collaboration = i === 0 && index % 30 === 3;
      // The hostile title is chosen after the generator's draws for the title, as it always was.
      items.push(
        sampleItem(random, { date, n, hostile: last ? HOSTILE_TITLES[hostile % HOSTILE_TITLES.length] : undefined, collaboration, organization, author }),
      );
      if (last) hostile++;
    }
    // One paper stays on the list two days running, as happens upstream.
    if (index === 4 && previousDayItem) items.push(previousDayItem);
    previousDayItem = items[0];
    items.sort((a, b) => b.paper.upvotes - a.paper.upvotes);
    days.push({ date, items });
    total += count;
  }
  return days;
}
