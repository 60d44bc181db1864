// The links capture: ask the hub about the papers due (schedule.ts), one request each, through
// the run's capture policy (its allowance of requests, retries included, and its stops). Each
// answer is written at once, so a run stopped at any point keeps every answer it got, and the rest
// is due next run. What was recorded is never replaced by less: an ask that gets no answer keeps
// it, and says so.
import type { Archive } from '../../../../src/lib/archive.ts';
import { todayUtc } from '../../../../src/lib/dates.ts';
import { ApiPaperLinks, describeIssues, type LinksDay, type PaperLinks } from '../../../../src/lib/schema.ts';
import { HttpError, type Fetcher } from '../http.ts';
import { CaptureStopped, type PolicyStep, type Stop } from '../policy.ts';
import { normalizeLinks, unansweredLinks } from './normalize.ts';
import { planLinks, type Candidate } from './schedule.ts';
import { linksFiles } from './store.ts';

export function paperApiUrl(endpoint: string, id: string): string {
  // Old-style ids keep their slash, as the hub's own paths do: /api/papers/hep-th/9901001.
  return new URL(`/api/papers/${id}`, endpoint).href;
}

/** The hub's answer about one paper; an HttpError (a 404 too) or a one-line Error for anything else. */
export async function fetchPaperLinks(fetcher: Fetcher, endpoint: string, id: string): Promise<ApiPaperLinks> {
  const url = paperApiUrl(endpoint, id);
  const { body } = await fetcher.get(url);
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new Error(`${url} returned a body that is not valid JSON (${body.length} bytes)`);
  }
  const parsed = ApiPaperLinks.safeParse(json);
  if (!parsed.success) throw new Error(`${url} returned a paper that does not match the expected format: ${describeIssues(parsed.error)}`);
  if (parsed.data.id !== id) throw new Error(`${url} answered for another paper, ${parsed.data.id}`);
  return parsed.data;
}

export interface LinksSummary {
  /** Papers due when the run started. */
  due: number;
  asked: number;
  /** Asks the hub answered. */
  answered: number;
  /** Asks answered 404: what was recorded is kept, and the paper asked again in a few days. */
  missing: number;
  /** Asks that failed otherwise (a server error, a broken body), kept the same way. */
  failed: number;
  /** Papers due that this run did not ask. */
  remaining: number;
  /** Papers this run saw gain their first model. */
  released: string[];
  /** One line per failure: the paper, the URL and the problem. */
  errors: string[];
  /** Why the capture stopped before asking every paper due, if it did. */
  stopped?: Stop;
}

export interface LinksOptions {
  archive: Archive;
  dir: string;
  /** The run's step for links: its allowance is the request budget. */
  step: PolicyStep;
  endpoint: string;
  now?: () => Date;
  log?: (line: string) => void;
}

/** Every paper the archive holds, with when it was last asked and answered. */
function candidates(archive: Archive, known: ReadonlyMap<string, { links: PaperLinks }>): Candidate[] {
  return [...archive.papers.values()].map((record) => {
    const links = known.get(record.paper.id)?.links;
    return { id: record.paper.id, listed: record.days[0]!, checkedAt: links?.checkedAt, unanswered: links?.unanswered };
  });
}

/**
 * The links files of a run, each read once and written as each paper's record changes. A paper
 * lives in the file of its first listed day; one found elsewhere moves there, written in its new
 * place before it leaves the old, so a failure between the two loses nothing.
 */
function linksDays(dir: string) {
  const days = new Map<string, LinksDay>();
  const day = async (date: string) => {
    let held = days.get(date);
    if (!held) days.set(date, (held = (await linksFiles.read(dir, date)) ?? { date, papers: {} }));
    return held;
  };
  const write = async (next: LinksDay) => {
    await linksFiles.write(dir, next, days.get(next.date));
    days.set(next.date, next);
  };
  return {
    async put(id: string, date: string, links: PaperLinks, from?: string) {
      const into = await day(date);
      await write({ ...into, papers: { ...into.papers, [id]: links } });
      if (from === undefined || from === date) return;
      const old = await day(from);
      const { [id]: _moved, ...rest } = old.papers;
      await write({ ...old, papers: rest });
    },
  };
}

/** What an ask that got no answer says, in a few words: `HTTP 404`, `HTTP 503 after 5 attempts`, the body's problem. */
const problemOf = (error: unknown) => (error instanceof HttpError ? error.message : (error as Error).message);

export async function captureLinks(options: LinksOptions): Promise<LinksSummary> {
  const { archive, dir, step, endpoint } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const known = new Map(
    (await linksFiles.readAll(dir)).flatMap((day) => Object.entries(day.papers).map(([id, links]) => [id, { date: day.date, links }] as const)),
  );
  // Every paper due, in order: the step's allowance of requests (retries count) says when to stop.
  const plan = planLinks(candidates(archive, known), todayUtc(now()), Infinity);
  const summary: LinksSummary = { due: plan.due, asked: 0, answered: 0, missing: 0, failed: 0, remaining: plan.due, released: [], errors: [] };
  const files = linksDays(dir);
  for (const candidate of plan.ask) {
    const stop = step.stop;
    if (stop) {
      summary.stopped = stop;
      break;
    }
    const previous = known.get(candidate.id);
    const at = now().toISOString();
    let links: PaperLinks;
    try {
      links = normalizeLinks(await fetchPaperLinks(step, endpoint, candidate.id), at, previous?.links);
      summary.answered++;
    } catch (error) {
      if (error instanceof CaptureStopped) {
        summary.stopped = error.stop;
        break;
      }
      const notFound = error instanceof HttpError && error.status === 404;
      if (notFound) summary.missing++;
      else {
        summary.failed++;
        const line = `${candidate.id}: ${(error as Error).message}`;
        summary.errors.push(line);
        log(`links ${line}`);
      }
      // No connection, or the hub refusing the run, says nothing of the paper: it stays as it was, due.
      if (error instanceof HttpError && (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'rate-limited')) {
        summary.asked++;
        continue;
      }
      links = unansweredLinks(previous?.links, at, problemOf(error));
    }
    summary.asked++;
    summary.remaining--;
    if (links.modelsSince && !previous?.links.modelsSince) summary.released.push(candidate.id);
    await files.put(candidate.id, candidate.listed, links, previous?.date);
  }
  return summary;
}

/** The run's line about links: `links: 212 asked (180 answered, 30 answered 404, 2 failed); 1,204 due, 992 left for the next runs`. */
export function formatLinks(summary: LinksSummary): string {
  const left = summary.remaining ? `, ${summary.remaining.toLocaleString('en-US')} left for the next runs` : '';
  const released = summary.released.length ? `; ${summary.released.length} newly with models` : '';
  const stopped = summary.stopped && summary.stopped.reason !== 'requests' ? `; stopped: ${summary.stopped.detail}` : '';
  return `links: ${summary.asked} asked (${summary.answered} answered, ${summary.missing} answered 404, ${summary.failed} failed); ${summary.due.toLocaleString('en-US')} due${left}${released}${stopped}`;
}
