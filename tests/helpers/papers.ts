// Papers as the day files hold them, for the tests of pure functions: each suite names only the
// defaults it relies on.
import type { Paper } from '../../src/lib/schema.ts';

/** A builder of papers: `Paper <id>`, one upvote, seen on 6 March 2026, then `defaults`, then each call's own fields. */
export function paperBuilder(defaults: Partial<Paper> = {}): (id: string, extra?: Partial<Paper>) => Paper {
  return (id, extra = {}) => ({
    id,
    title: `Paper ${id}`,
    abstract: 'An abstract.',
    authors: ['Ada'],
    upvotes: 1,
    comments: 0,
    firstSeenAt: '2026-03-06T02:00:00.000Z',
    lastSeenAt: '2026-03-06T02:00:00.000Z',
    ...defaults,
    ...extra,
  });
}
