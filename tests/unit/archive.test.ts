// The archive as the site sees it: papers with every day they were listed, neighbours, the calendar.
import { describe, expect, it } from 'vitest';
import { buildArchive, calendar, dayNeighbours, heatLevel, papersByTopic } from '../../src/lib/archive.ts';
import type { Day } from '../../src/lib/schema.ts';
import type { Topic } from '../../src/lib/topics.ts';
import { paperBuilder } from '../helpers/papers.ts';

const paper = paperBuilder({ firstSeenAt: '2026-03-06T00:00:00.000Z', lastSeenAt: '2026-03-06T00:00:00.000Z' });

describe('archive', () => {
  const days: Day[] = [
    { date: '2026-03-05', papers: [paper('2603.00001', { upvotes: 3 }), paper('2603.00002')] },
    { date: '2026-03-09', papers: [paper('2603.00002', { upvotes: 9, lastSeenAt: '2026-03-09T00:00:00.000Z' })] },
    { date: '2026-03-06', papers: [paper('2603.00003', { title: 'Robot arms' })] },
  ];
  const topics: Topic[] = [{ slug: 'robotics', name: 'Robotics', description: 'Robots.', terms: ['robot*'] }];
  const archive = buildArchive(days, topics);

  it('puts a paper in a topic whose rule reads the authors: a feed of people', () => {
    const people = buildArchive(
      [{ date: '2026-03-06', papers: [paper('2603.00005', { authors: ['Ada', 'Ziwei Liu'] }), paper('2603.00006', { authors: ['Ziwei Liuk'] })] }],
      [...topics, { slug: 'people', name: 'People', description: 'Authors I read.', terms: ['Ziwei Liu'], fields: ['authors'] }],
    );
    expect(
      papersByTopic(people)
        .get('people')!
        .map(({ record }) => record.paper.id),
    ).toEqual(['2603.00005']);
  });

  it('orders days newest first and finds neighbours across weekends', () => {
    expect(archive.days.map((d) => d.date)).toEqual(['2026-03-09', '2026-03-06', '2026-03-05']);
    expect(dayNeighbours(archive, '2026-03-06')).toEqual({ previous: '2026-03-05', next: '2026-03-09' });
    expect(dayNeighbours(archive, '2026-03-09')).toEqual({ previous: '2026-03-06' });
  });
  it('knows every day a paper was listed on, with its freshest capture', () => {
    const record = archive.papers.get('2603.00002')!;
    expect(record.days).toEqual(['2026-03-05', '2026-03-09']);
    expect(record.paper.upvotes).toBe(9);
    expect(archive.updatedAt).toBe('2026-03-09T00:00:00.000Z');
  });
  it('groups papers by topic, newest listed first', () => {
    expect(
      papersByTopic(archive)
        .get('robotics')!
        .map((e) => e.record.paper.id),
    ).toEqual(['2603.00003']);
  });
  it('lays each year out as Monday-first weeks, with levels by count', () => {
    const [year] = calendar([
      { date: '2026-03-05', count: 10 },
      { date: '2026-03-06', count: 40 },
    ]);
    expect(year!.weeks.flat().filter(Boolean)).toHaveLength(365);
    expect(year!.weeks[0]!.slice(0, 3)).toEqual([null, null, null]); // 2026-01-01 is a Thursday
    expect(year!.months).toEqual([
      {
        month: '2026-03',
        days: [
          { date: '2026-03-06', count: 40 },
          { date: '2026-03-05', count: 10 },
        ],
      },
    ]);
    expect([heatLevel(0, 40), heatLevel(1, 40), heatLevel(40, 40)]).toEqual([0, 1, 4]);
  });
});
