// One stop policy for every capture of a run (days, links, trending): how many requests each step
// may make (every attempt counts, retries included), when the hub is unreachable or refusing and
// the whole run stops, and the one time budget the steps share. A capture asks its step before
// each unit of work (a day, a paper) and fetches through it; when the step says stop, the capture
// stops there, keeps everything it wrote, and reports what is left.
import { HttpError, type Fetcher, type HttpClient, type HttpResponse } from './http.ts';

/**
 * Why a run or a step stopped. `time` and `requests` are the budgets doing their job; the others
 * say the hub is in trouble (or the endpoint is wrong), and fail the run so someone looks.
 */
export type StopReason = 'time' | 'requests' | 'unreachable' | 'refused' | 'failing' | 'not-found';

export interface Stop {
  reason: StopReason;
  /** One line: what was seen, e.g. "3 requests in a row answered HTTP 503 (…/api/papers/2603.00001 HTTP 503 after 5 attempts)". */
  detail: string;
}

/** The reasons that mean the hub is in trouble, not that a budget ran out. */
export const isHubTrouble = (stop: Stop | undefined): boolean => stop !== undefined && stop.reason !== 'time' && stop.reason !== 'requests';

/** Thrown by a step asked for a request it may not make; the capture stops, nothing is lost. */
export class CaptureStopped extends Error {
  readonly stop: Stop;
  constructor(stop: Stop) {
    super(`stopped: ${stop.detail}`);
    this.name = 'CaptureStopped';
    this.stop = stop;
  }
}

/**
 * Requests in a row after which the run stops: three that could not connect or were answered
 * 5xx (each already retried), or ten answered 404 (every archived paper has a page on the hub, so
 * a run of 404s is an endpoint that moved, or a wrong HF_ENDPOINT).
 */
export const LIMITS = { unreachable: 3, failing: 3, notFound: 10 } as const;

export interface PolicyOptions {
  /** Epoch ms after which no capture starts new work (the run's --budget). */
  deadline?: number | undefined;
  /** How long past the deadline a request already under way may still wait to retry. */
  graceMs?: number;
  now?: () => number;
}

/** What became of one request, as the policy counts it. */
type Outcome = 'ok' | 'not-found' | 'failing' | 'unreachable' | 'refused' | 'rejected';

function outcomeOf(error: unknown): Outcome {
  if (!(error instanceof HttpError)) return 'rejected';
  if (error.kind === 'network' || error.kind === 'timeout') return 'unreachable';
  if (error.kind === 'rate-limited') return 'refused';
  if (error.status === 404) return 'not-found';
  return error.status !== undefined && error.status >= 500 ? 'failing' : 'rejected';
}

export class CapturePolicy {
  readonly deadline: number | undefined;
  readonly graceMs: number;
  readonly now: () => number;
  /** Every attempt of every step. */
  requests = 0;
  #stopped: Stop | undefined;
  #inARow = { unreachable: 0, failing: 0, notFound: 0 };

  constructor(options: PolicyOptions = {}) {
    this.deadline = options.deadline;
    this.graceMs = options.graceMs ?? 120_000;
    this.now = options.now ?? Date.now;
  }

  /** Why the whole run stopped (the hub in trouble), if it did. */
  get stopped(): Stop | undefined {
    return this.#stopped;
  }

  /** Why no new work may start now: the run stopped, or its time is up. */
  get halt(): Stop | undefined {
    if (this.#stopped) return this.#stopped;
    if (this.deadline !== undefined && this.now() >= this.deadline) return { reason: 'time', detail: 'the run’s time budget is spent' };
    return undefined;
  }

  /** A step of the run: its own allowance of requests (every attempt counts) over the run's policy. */
  step(client: HttpClient, allowance = Infinity): PolicyStep {
    return new PolicyStep(this, client, allowance);
  }

  /** Count what a request came to; a run of trouble stops the run. */
  record(result: HttpError | unknown | undefined): void {
    if (result === undefined) {
      this.#inARow = { unreachable: 0, failing: 0, notFound: 0 };
      return;
    }
    const outcome = outcomeOf(result);
    const where = result instanceof HttpError ? ` (${result.url} ${result.message})` : '';
    // Any answer at all shows the hub is there.
    if (outcome !== 'unreachable') this.#inARow.unreachable = 0;
    if (outcome === 'refused') this.#stop('refused', `the hub refused the run’s requests${where}`);
    else if (outcome === 'unreachable' && ++this.#inARow.unreachable >= LIMITS.unreachable)
      this.#stop('unreachable', `the hub could not be reached, ${LIMITS.unreachable} requests in a row${where}`);
    else if (outcome === 'failing' && ++this.#inARow.failing >= LIMITS.failing)
      this.#stop('failing', `the hub answered ${LIMITS.failing} requests in a row with a server error${where}`);
    else if (outcome === 'not-found' && ++this.#inARow.notFound >= LIMITS.notFound)
      this.#stop('not-found', `the hub answered ${LIMITS.notFound} requests in a row with 404 (is HF_ENDPOINT right?)${where}`);
  }

  #stop(reason: StopReason, detail: string): void {
    this.#stopped ??= { reason, detail };
  }
}

/** One capture's view of the run: it fetches through its step, and asks it whether to go on. */
export class PolicyStep implements Fetcher {
  readonly policy: CapturePolicy;
  readonly allowance: number;
  /** Attempts this step made. */
  requests = 0;
  readonly #client: HttpClient;

  constructor(policy: CapturePolicy, client: HttpClient, allowance: number) {
    this.policy = policy;
    this.#client = client;
    this.allowance = allowance;
  }

  /** Why this step may start no new unit of work, if it may not: the run's halt, or its allowance spent. */
  get stop(): Stop | undefined {
    const halt = this.policy.halt;
    if (halt) return halt;
    if (this.requests >= this.allowance) return { reason: 'requests', detail: `the step’s ${this.allowance} requests are spent` };
    return undefined;
  }

  async get(url: string, accept = 'application/json'): Promise<HttpResponse> {
    const before = this.stop;
    if (before) throw new CaptureStopped(before);
    const { deadline, graceMs } = this.policy;
    try {
      const response = await this.#client.get(url, accept, {
        // A retry is a request too: none past the allowance, none once the run has stopped.
        beforeAttempt: () => {
          const stop =
            this.policy.stopped ??
            (this.requests >= this.allowance ? { reason: 'requests' as const, detail: `the step’s ${this.allowance} requests are spent` } : undefined);
          if (stop) throw new CaptureStopped(stop);
          this.requests++;
          this.policy.requests++;
        },
        stopAt: deadline === undefined ? undefined : deadline + graceMs,
      });
      this.policy.record(undefined);
      return response;
    } catch (error) {
      if (!(error instanceof CaptureStopped)) this.policy.record(error);
      throw error;
    }
  }
}
