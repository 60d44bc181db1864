// Following, without a browser: what a reader follows read back from anywhere, the recent papers'
// file as the build writes it, which recent papers a follow brings and why, the papers like a
// reading list, and the OPML of what is followed.
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/lib/archive.ts';
import { recentFile, recentNames } from '../../src/lib/following/build.ts';
import { followsAuthor, mergeFollows, noFollows, readFollows, toggleAuthor, toggleOrg, toggleTopic, type Follows } from '../../src/lib/following/follows.ts';
import { followedPapers, isBy, likeSaved, packAuthors, reasonText, unpackAuthors, type RecentFile } from '../../src/lib/following/recent.ts';
import { key24, normalizeName } from '../../src/lib/names.ts';
import type { Day } from '../../src/lib/schema.ts';
import { followedFeeds } from '../../src/scripts/following/opml.ts';
import { paperBuilder } from '../helpers/papers.ts';

const paper = paperBuilder();

describe('names as matching reads them', () => {
  it('are one name whatever accents, case and spaces', () => {
    expect(normalizeName('  Zoë   MÜLLER ')).toBe('zoe muller');
    expect(normalizeName('Kai Chen')).not.toBe(normalizeName('Kai Cheng'));
  });

  it('key the same in every runtime: FNV-1a, folded to 24 bits', () => {
    // Worked by hand from the FNV-1a definition; a browser computes the same with the same code.
    expect(key24('')).toBe((0x811c9dc5 ^ (0x811c9dc5 >>> 24)) & 0xffffff);
    expect(key24('kai chen')).toBeLessThan(2 ** 24);
    expect(key24('kai chen')).not.toBe(key24('kai cheng'));
  });
});

describe('a paper’s authors, packed', () => {
  it('read back as the keys of their names, with the accounts of those who have one', () => {
    const packed = packAuthors(['Ziwei Liu', 'Kai Chen', 'Zoë Müller'], { 'Kai Chen': 'KaiChen' });
    const authors = unpackAuthors(packed.names, packed.accounts);
    expect(authors.names).toEqual([key24('ziwei liu'), key24('kai chen'), key24('zoe muller')]);
    expect([...authors.accounts]).toEqual([[1, key24('kaichen')]]);
    // Three bytes an author, base64: four characters.
    expect(packed.names).toHaveLength(12);
    expect(packAuthors([]).names).toBe('');
  });

  it('match a follow by name, and by account where the listing tells people of one name apart', () => {
    const withAccount = unpackAuthors(...(Object.values(packAuthors(['Kai Chen'], { 'Kai Chen': 'kaichen' })) as [string, string]));
    const without = unpackAuthors(...(Object.values(packAuthors(['kai chen'])) as [string, string]));
    const other = unpackAuthors(...(Object.values(packAuthors(['Kai Chen'], { 'Kai Chen': 'kchen-other' })) as [string, string]));
    const cheng = unpackAuthors(...(Object.values(packAuthors(['Kai Cheng'])) as [string, string]));
    const byName = { name: 'Kai Chen' };
    const byAccount = { name: 'Kai Chen', account: 'KaiChen' };
    expect([withAccount, without, other, cheng].map((authors) => isBy(authors, byName))).toEqual([true, true, true, false]);
    // The account's own papers, and those where this Kai Chen has no account (they cannot be told apart); not another account's.
    expect([withAccount, without, other, cheng].map((authors) => isBy(authors, byAccount))).toEqual([true, true, false, false]);
  });

  it('keep accounts for the first 255 authors, and match later ones by name', () => {
    const names = Array.from({ length: 300 }, (_, i) => `Author ${i}`);
    const packed = packAuthors(names, { 'Author 10': 'ten', 'Author 299': 'last' });
    const authors = unpackAuthors(packed.names, packed.accounts);
    expect([...authors.accounts.keys()]).toEqual([10]);
    expect(isBy(authors, { name: 'Author 299', account: 'someone' })).toBe(true);
    expect(isBy(authors, { name: 'Author 10', account: 'someone' })).toBe(false);
  });
});

const days: Day[] = [
  {
    date: '2026-03-06',
    papers: [
      paper('2603.00020', {
        title: 'Robot $\\times$ Arms',
        authors: ['Kai Chen', 'Zoë Müller'],
        authorAccounts: { 'Kai Chen': 'kaichen' },
        organization: { name: 'Qwen', fullname: 'Qwen Team' },
      }),
      paper('2603.00021', { title: 'Agents That Plan', authors: ['Ziwei Liu'], abstract: 'An agent for robots.' }),
    ],
  },
  {
    date: '2026-03-05',
    papers: [
      paper('2603.00010', { title: 'Older', authors: ['Kai Chen'], authorAccounts: { 'Kai Chen': 'kchen-other' } }),
      paper('2603.00021', { authors: ['Ziwei Liu'] }),
    ],
  },
  { date: '2026-03-04', papers: [paper('2603.00001', { title: 'Too Old', authors: ['Kai Chen', 'Ziwei Liu'] })] },
];
const topics = [
  { slug: 'robotics', name: 'Robotics', description: 'Robots.', terms: ['robot*'] },
  { slug: 'agents', name: 'Agents', description: 'Agents.', terms: ['agent*'] },
];
const archive = buildArchive(days, topics);
const orgs = { list: [{ name: 'Qwen', fullname: 'Qwen Team', segment: 'Qwen', papers: [1, 2, 3] }] };
const related = new Map([
  ['2603.00020', ['2603.00010', '2603.00001', '2603.00021']],
  ['2603.00021', ['2603.00001']],
]);
const file = recentFile(archive, orgs, related, { days: 2, related: 2, orgFeedMinPapers: 3 });

describe('the recent papers’ file', () => {
  it('holds the last listed days’ papers, newest first, each once at its newest listing', () => {
    expect(file.days).toEqual(['2026-03-06', '2026-03-05']);
    expect(file.papers.map(([id, title, day]) => [id, title, day])).toEqual([
      ['2603.00020', 'Robot × Arms', 0],
      ['2603.00021', 'Agents That Plan', 0],
      ['2603.00010', 'Older', 1],
    ]);
  });

  it('names organizations and topics once, and keeps each paper’s nearest related papers', () => {
    expect(file.orgs).toEqual([['Qwen', 'Qwen Team', 'Qwen', 1]]);
    expect(file.topics).toEqual([
      ['robotics', 'Robotics'],
      ['agents', 'Agents'],
    ]);
    const [first, second, third] = file.papers;
    expect([first![3], first![4], first![7]]).toEqual([0, [0], ['2603.00010', '2603.00001']]);
    expect([second![3], second![4].sort(), third![3], third![7]]).toEqual([-1, [0, 1], -1, []]);
  });

  it('carries keys of the authors’ names, not the names', () => {
    expect(JSON.stringify(file)).not.toMatch(/Kai Chen|Ziwei/);
  });

  it('suggests the authors of two recent papers or more, most first', () => {
    expect(recentNames(archive, 2, 10)).toEqual([['Kai Chen', 2]]);
    expect(recentNames(archive, 3, 10)).toEqual([
      ['Kai Chen', 3],
      ['Ziwei Liu', 2],
    ]);
    expect(recentNames(archive, 3, 1)).toEqual([['Kai Chen', 3]]);
  });
});

describe('what a reader follows', () => {
  const follows: Follows = {
    version: 1,
    authors: [{ name: 'kai chen', account: 'kaichen' }, { name: 'Ziwei Liu' }],
    orgs: [{ handle: 'Qwen', name: 'Qwen Team', path: '/orgs/Qwen/', feeds: true }],
    topics: [{ slug: 'robotics', name: 'Robotics' }],
  };

  it('brings the recent papers of each, newest first, with every reason', () => {
    const found = followedPapers(file, follows);
    expect(found.map(({ paper, day, reasons }) => [paper[0], day, reasons.map(reasonText)])).toEqual([
      ['2603.00020', '2026-03-06', ['by kai chen', 'from Qwen Team', 'in Robotics']],
      ['2603.00021', '2026-03-06', ['by Ziwei Liu', 'in Robotics']],
    ]);
    // Another Kai Chen's paper (another account) is not this one's.
    expect(found.map(({ paper }) => paper[0])).not.toContain('2603.00010');
    expect(followedPapers(file, { ...follows, authors: [{ name: 'Kai Chen' }], orgs: [], topics: [] }).map(({ paper }) => paper[0])).toEqual([
      '2603.00020',
      '2603.00010',
    ]);
    expect(followedPapers(file, noFollows())).toEqual([]);
  });

  it('is read back from storage or a file keeping only what is well formed, each thing once', () => {
    const read = readFollows({
      authors: [{ name: ' Ziwei Liu ' }, { name: 'ziwei liu' }, { name: 'Kai Chen', account: 'bad account!' }, { name: '' }, 'x', null],
      orgs: [
        { handle: 'Qwen', name: 'Qwen Team', path: '/orgs/Qwen/', feeds: true },
        { handle: 'Qwen', name: 'again' },
        { handle: 'evil', path: 'javascript:alert(1)', feeds: 'yes' },
      ],
      topics: [{ slug: 'robotics', name: 'Robotics' }, { slug: '../x' }, { slug: 'agents' }],
    });
    expect(read).toEqual({
      version: 1,
      authors: [{ name: 'Ziwei Liu' }, { name: 'Kai Chen' }],
      orgs: [
        { handle: 'Qwen', name: 'Qwen Team', path: '/orgs/Qwen/', feeds: true },
        { handle: 'evil', name: 'evil' },
      ],
      topics: [
        { slug: 'robotics', name: 'Robotics' },
        { slug: 'agents', name: 'agents' },
      ],
    });
    expect(readFollows(null)).toEqual(noFollows());
    expect(readFollows('nonsense')).toEqual(noFollows());
  });

  it('toggles one thing at a time, and merges two lists with nothing twice', () => {
    let next = toggleAuthor(noFollows(), { name: 'Kai Chen', account: 'kaichen' });
    expect(followsAuthor(next, { name: 'KAI CHEN', account: 'kaichen' })).toBe(true);
    expect(followsAuthor(next, { name: 'Kai Chen' })).toBe(false);
    next = toggleAuthor(next, { name: 'kai chen', account: 'kaichen' });
    expect(next.authors).toEqual([]);
    next = toggleTopic(toggleOrg(next, { handle: 'Qwen', name: 'Qwen' }), { slug: 'agents', name: 'Agents' });
    expect(toggleOrg(next, { handle: 'Qwen', name: 'Qwen' }).orgs).toEqual([]);
    expect(toggleTopic(next, { slug: 'agents', name: 'Agents' }).topics).toEqual([]);
    const merged = mergeFollows(next, follows);
    expect(merged.orgs.map((o) => o.handle)).toEqual(['Qwen']);
    expect(merged.topics.map((t) => t.slug)).toEqual(['agents', 'robotics']);
    expect(merged.authors).toHaveLength(2);
  });
});

describe('papers like a reading list', () => {
  const recent: RecentFile = {
    version: 1,
    days: ['2026-03-06', '2026-03-05'],
    topics: [],
    orgs: [],
    papers: [
      ['r1', 'Near the first saved', 0, -1, [], '', '', ['s1', 'x']],
      ['r2', 'Near both', 0, -1, [], '', '', ['s2', 's1']],
      ['r3', 'Near nothing saved', 1, -1, [], '', '', ['x', 'y']],
      ['s1', 'Saved itself', 1, -1, [], '', '', ['r1']],
      ['r4', 'In a saved paper’s list', 1, -1, [], '', '', []],
    ],
  };
  const saved = [
    { id: 's1', related: [{ id: 'r4' }, { id: 'zz' }] },
    { id: 's2', related: [] },
  ];

  it('ranks recent papers by how near they are to the saved ones, saying which, and leaves the saved ones out', () => {
    const like = likeSaved(recent, saved);
    expect(like.map(({ paper, like: ids, score }) => [paper[0], ids, score])).toEqual([
      ['r2', ['s2', 's1'], 3],
      ['r1', ['s1'], 2],
      ['r4', ['s1'], 2],
    ]);
    expect(likeSaved(recent, [])).toEqual([]);
    expect(likeSaved(recent, saved, 1)).toHaveLength(1);
  });
});

describe('the edges of what is followed and matched', () => {
  it('cuts long text, keeps only accounts and paths of the right shape, and feeds only when true', () => {
    const read = readFollows({
      authors: [{ name: `  ${'x'.repeat(250)}  ` }, { name: 'Ada', account: '-starts-with-dash' }, { name: 'Bo', account: ' ok.name_1 ' }],
      orgs: [
        { handle: 'a', path: '/orgs/a/b/' },
        { handle: 'b', path: '/orgs/b~c0%20/', feeds: 'true' },
        { handle: 'c', name: ' ', feeds: true },
      ],
      topics: [{ slug: 'ok-slug', name: '  Named  ' }, { slug: 'Caps' }],
    });
    expect(read.authors).toEqual([{ name: 'x'.repeat(200) }, { name: 'Ada' }, { name: 'Bo', account: 'ok.name_1' }]);
    expect(read.orgs).toEqual([
      { handle: 'a', name: 'a' },
      { handle: 'b', name: 'b', path: '/orgs/b~c0%20/' },
      { handle: 'c', name: 'c', feeds: true },
    ]);
    expect(read.topics).toEqual([{ slug: 'ok-slug', name: 'Named' }]);
  });

  it('keeps the rest of what is followed when one thing is toggled', () => {
    const base: Follows = {
      version: 1,
      authors: [{ name: 'A' }, { name: 'B', account: 'b' }],
      orgs: [{ handle: 'o', name: 'O' }],
      topics: [{ slug: 't', name: 'T' }],
    };
    expect(toggleAuthor(base, { name: 'b', account: 'b' }).authors).toEqual([{ name: 'A' }]);
    expect(toggleAuthor(base, { name: 'C' })).toEqual({ ...base, authors: [...base.authors, { name: 'C' }] });
    expect(toggleOrg(base, { handle: 'p', name: 'P' }).orgs.map((o) => o.handle)).toEqual(['o', 'p']);
    expect(toggleTopic(base, { slug: 'u', name: 'U' }).topics.map((t) => t.slug)).toEqual(['t', 'u']);
    expect(toggleOrg(base, { handle: 'o', name: 'O' })).toEqual({ ...base, orgs: [] });
  });

  it('breaks ties between papers equally like the list by the newer day, and between saved papers by id', () => {
    const recent: RecentFile = {
      version: 1,
      days: ['2026-03-06', '2026-03-05'],
      topics: [],
      orgs: [],
      papers: [
        ['old', 'Older', 1, -1, [], '', '', ['sb', 'sa']],
        ['new', 'Newer', 0, -1, [], '', '', ['sa', 'sb']],
      ],
    };
    const like = likeSaved(recent, [{ id: 'sb' }, { id: 'sa' }]);
    expect(like.map(({ paper, like: ids }) => [paper[0], ids])).toEqual([
      ['new', ['sa', 'sb']],
      ['old', ['sb', 'sa']],
    ]);
    // A saved paper's related list that names another saved paper, or one not recent, brings nothing.
    expect(likeSaved({ ...recent, papers: [] }, [{ id: 'sa', related: [{ id: 'sb' }, { id: 'gone' }] }, { id: 'sb' }])).toEqual([]);
    // Two recent papers both saved, one in the other's list: neither is "like" the list, being in it.
    expect(likeSaved(recent, [{ id: 'old', related: [{ id: 'new' }] }, { id: 'new' }])).toEqual([]);
    // Nearness counts both ways: "old" is second in its list (1) and first in the saved paper's (1), as near as "new" (2): the newer first.
    expect(likeSaved(recent, [{ id: 'sa', related: [{ id: 'old' }] }]).map(({ paper, score }) => [paper[0], score])).toEqual([
      ['new', 2],
      ['old', 2],
    ]);
  });

  it('names in the file only the organizations the site has pages for, with feeds only past the threshold', () => {
    const small = recentFile(archive, { list: [{ name: 'Qwen', segment: 'Qwen', papers: [1] }] }, new Map(), { days: 3, related: 6, orgFeedMinPapers: 3 });
    expect(small.orgs).toEqual([['Qwen', 'Qwen', 'Qwen', 0]]);
    expect(recentFile(archive, { list: [] }, new Map(), { days: 3, related: 6, orgFeedMinPapers: 3 }).papers.every((p) => p[3] === -1)).toBe(true);
  });

  it('suggests names with as many papers in the order of the alphabet', () => {
    const tied = buildArchive([{ date: '2026-03-06', papers: [paper('1', { authors: ['Zed', 'Amy'] }), paper('2', { authors: ['Amy', 'Zed', 'Zed'] })] }], []);
    expect(recentNames(tied, 1, 10)).toEqual([
      ['Amy', 2],
      ['Zed', 2],
    ]);
  });
});

describe('the OPML of what is followed', () => {
  it('subscribes to the first feed format of each followed organization with feeds and each topic, under the site’s address', () => {
    const follows: Follows = {
      version: 1,
      authors: [{ name: 'Kai Chen' }],
      orgs: [
        { handle: 'Qwen', name: 'Qwen Team', path: '/orgs/Qwen~c0/', feeds: true },
        { handle: 'tiny', name: 'Tiny <Lab>', path: '/orgs/tiny/' },
      ],
      topics: [{ slug: 'robotics', name: 'Robotics & "Embodied"' }],
    };
    const { outlines, withoutFeeds } = followedFeeds(follows, 'https://you.github.io/broadsheet/');
    expect(outlines).toEqual([
      {
        text: 'Qwen Team',
        description: 'Papers from Qwen Team (RSS).',
        xmlUrl: 'https://you.github.io/broadsheet/orgs/Qwen~c0/rss.xml',
        htmlUrl: 'https://you.github.io/broadsheet/orgs/Qwen~c0/',
      },
      {
        text: 'Robotics & "Embodied"',
        description: 'Papers in Robotics & "Embodied" (RSS).',
        xmlUrl: 'https://you.github.io/broadsheet/topics/robotics/rss.xml',
        htmlUrl: 'https://you.github.io/broadsheet/topics/robotics/',
      },
    ]);
    expect(withoutFeeds).toEqual(['Tiny <Lab>']);
  });
});
