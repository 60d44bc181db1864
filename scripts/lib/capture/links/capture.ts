// The links capture: ask the hub about the papers due (schedule.ts), one request
// each, within a request budget and the run's time budget, through the same HTTP client (pace,
// retries, rate limits) as the day capture. Each answer is written at once, so a run stopped at
// any point keeps every answer it got, and the rest is due next run.
import type { Archive } from '../../../../src/lib/archive.ts';
import { todayUtc } from '../../../../src/lib/dates.ts';
import { ApiPaperLinks, describeIssues, type LinksDay, type PaperLinks } from '../../../../src/lib/schema.ts';
import { isUnreachable, UNREACHABLE_LIMIT } from '../days/capture.ts';
import { HttpError, type HttpClient } from '../http.ts';
import { normalizeLinks, noLinks } from './normalize.ts';
import { planLinks } from './schedule.ts';
import { linksFiles } from './store.ts';

export function paperApiUrl(endpoint: string, id: string): string {
  // Old-style ids keep their slash, as the hub's own paths do: /api/papers/hep-th/9901001.
  return new URL(`/api/papers/${id}`, endpoint).href;
}

/** The hub's answer about one paper, or undefined when it has no page for it (404: nothing links it). */
export async function fetchPaperLinks(client: HttpClient, endpoint: string, id: string): Promise<ApiPaperLinks | undefined> {
  const url = paperApiUrl(endpoint, id);
  let body: string;
  try {
    body = (await client.get(url)).body;
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) return undefined;
    throw error;
  }
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
  found: number;
  none: number;
  failed: number;
  /** Papers due that this run did not ask. */
  remaining: number;
  /** Papers this run saw gain their first model. */
  released: string[];
  /** One line per failure: the paper, the URL and the problem. */
  errors: string[];
  stopped?: 'budget' | 'unreachable' | 'rate-limited';
}

export interface LinksOptions {
  archive: Archive;
  dir: string;
  client: HttpClient;
  endpoint: string;
  /** Requests at most. */
  budget: number;
  now?: () => Date;
  /** Epoch ms after which no new request starts (the run's time budget). */
  stopAt?: number;
  log?: (line: string) => void;
}

export async function captureLinks(options: LinksOptions): Promise<LinksSummary> {
  const { archive, dir, client, endpoint } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? (() => {});
  const known = new Map(
    (await linksFiles.readAll(dir)).flatMap((day) => Object.entries(day.papers).map(([id, links]) => [id, { date: day.date, links }] as const)),
  );
  const candidates = [...archive.papers.values()].map((record) => ({
    id: record.paper.id,
    listed: record.days[0]!,
    checkedAt: known.get(record.paper.id)?.links.checkedAt,
  }));
  const plan = planLinks(candidates, todayUtc(now()), options.budget);
  const summary: LinksSummary = { due: plan.due, asked: 0, found: 0, none: 0, failed: 0, remaining: plan.due, released: [], errors: [] };
  const days = new Map<string, LinksDay>();
  const dayOf = async (date: string) => {
    let day = days.get(date);
    if (!day) days.set(date, (day = (await linksFiles.read(dir, date)) ?? { date, papers: {} }));
    return day;
  };
  let unreachable = 0;
  for (const candidate of plan.ask) {
    if (options.stopAt !== undefined && Date.now() >= options.stopAt) {
      summary.stopped = 'budget';
      break;
    }
    const previous = known.get(candidate.id);
    summary.asked++;
    summary.remaining--;
    let links: PaperLinks;
    try {
      const answer = await fetchPaperLinks(client, endpoint, candidate.id);
      const checkedAt = now().toISOString();
      links = answer ? normalizeLinks(answer, checkedAt, previous?.links) : noLinks(checkedAt, previous?.links);
      unreachable = 0;
    } catch (error) {
      summary.failed++;
      const line = `${candidate.id}: ${(error as Error).message}`;
      summary.errors.push(line);
      log(`links ${line}`);
      unreachable = isUnreachable(error) ? unreachable + 1 : 0;
      if (error instanceof HttpError && error.kind === 'rate-limited') {
        summary.stopped = 'rate-limited';
        break;
      }
      if (unreachable >= UNREACHABLE_LIMIT) {
        summary.stopped = 'unreachable';
        break;
      }
      continue;
    }
    if (links.none) summary.none++;
    else summary.found++;
    if (links.modelsSince && !previous?.links.modelsSince) summary.released.push(candidate.id);
    // A paper lives in the file of its first listed day; one found earlier elsewhere moves there.
    if (previous && previous.date !== candidate.listed) {
      const old = await dayOf(previous.date);
      const { [candidate.id]: _moved, ...rest } = old.papers;
      const next = { ...old, papers: rest };
      await linksFiles.write(dir, next, old);
      days.set(old.date, next);
    }
    const day = await dayOf(candidate.listed);
    const next = { ...day, papers: { ...day.papers, [candidate.id]: links } };
    await linksFiles.write(dir, next, day);
    days.set(day.date, next);
  }
  return summary;
}

/** The run's line about links: `links: 212 asked (180 with links, 30 not on the hub, 2 failed); 1,204 due, 992 left`. */
export function formatLinks(summary: LinksSummary): string {
  const left = summary.remaining ? `, ${summary.remaining.toLocaleString('en-US')} left for the next runs` : '';
  const released = summary.released.length ? `; ${summary.released.length} newly with models` : '';
  const stopped =
    summary.stopped === 'rate-limited'
      ? '; stopped: the hub asked us to slow down'
      : summary.stopped === 'unreachable'
        ? '; stopped: the hub could not be reached'
        : summary.stopped === 'budget'
          ? '; stopped: time budget reached'
          : '';
  return `links: ${summary.asked} asked (${summary.found} with an answer, ${summary.none} not on the hub, ${summary.failed} failed); ${summary.due.toLocaleString('en-US')} due${left}${released}${stopped}`;
}
