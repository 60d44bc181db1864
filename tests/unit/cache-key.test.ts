// A paper page is copied from the last build when its key is the same, so the key must change
// with anything the page shows, and only then.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheKey } from '../../src/lib/site/cache-key.ts';

const props = () => ({
  record: { paper: { id: '2406.12345', title: 'Lattice Models', upvotes: 12 }, days: ['2024-06-12'], topics: ['robotics'] },
  related: [{ id: '2406.00001', title: 'Another' }],
  topicNames: new Map([['robotics', 'Robotics']]),
});

afterEach(() => vi.unstubAllEnvs());

describe('cacheKey', () => {
  it('is the same for the same data, built again', () => {
    expect(cacheKey(props())).toBe(cacheKey(props()));
  });

  it('changes with any value the page shows, however deep', () => {
    const base = cacheKey(props());
    const upvoted = props();
    upvoted.record.paper.upvotes = 13;
    const retitled = props();
    retitled.related[0]!.title = 'Another, renamed';
    const renamed = props();
    renamed.topicNames.set('robotics', 'Robots');
    for (const changed of [upvoted, retitled, renamed]) expect(cacheKey(changed)).not.toBe(base);
  });

  it('changes with the site-wide notice, which is not in the props', () => {
    const base = cacheKey(props());
    vi.stubEnv('SITE_NOTICE', 'Captures are paused.');
    expect(cacheKey(props())).not.toBe(base);
  });
});
