// The reading list's logic without a browser: what is kept, read back, exported and suggested.
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { arxivIdsIn } from '../../src/lib/arxiv-ids.ts';
import { bibtex } from '../../src/lib/cite.ts';
import { noFollows, type Follows } from '../../src/lib/following/follows.ts';
import { addImported, parseImport, recommend, toBibtex, toCsv, toJson, toRis } from '../../src/scripts/saved/export.ts';
import { emptyList, isSaved, readList, remove, save, saveAll, setNote, type SavedPaper } from '../../src/scripts/saved/list.ts';

const paper = (id: string, extra: Partial<SavedPaper> = {}): SavedPaper => ({
  id,
  title: `Paper ${id}`,
  authors: ['Ada Lovelace', 'Alan Turing'],
  published: '2026-03-05',
  listed: '2026-03-06',
  savedAt: '2026-03-07T10:00:00.000Z',
  ...extra,
});

describe('the list', () => {
  it('puts a newly saved paper first, keeps one entry per paper, and keeps a note and when it was saved', () => {
    let list = save(save(emptyList(), paper('2603.00001')), paper('2603.00002'));
    expect(list.papers.map((p) => p.id)).toEqual(['2603.00002', '2603.00001']);
    list = setNote(list, '2603.00001', 'read §3');
    // What its page says, read after the save: the note and the time saved stay.
    list = save(list, paper('2603.00001', { title: 'Better title', savedAt: '2026-03-09T00:00:00.000Z' }));
    expect(list.papers[1]).toMatchObject({ title: 'Better title', note: 'read §3', savedAt: '2026-03-07T10:00:00.000Z' });
    expect(setNote(list, '2603.00001', '  ').papers[1]).not.toHaveProperty('note');
    expect(remove(list, '2603.00002').papers.map((p) => p.id)).toEqual(['2603.00001']);
    expect([isSaved(list, '2603.00001'), isSaved(list, '2603.00002'), isSaved(list, '2603.00003'), isSaved(emptyList(), '2603.00001')]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('reads back only what it could have written: anything else is left out and counted, never an error', () => {
    expect(readList(null)).toEqual({ list: emptyList(), skipped: 0 });
    expect(readList({ papers: 'x' })).toEqual({ list: emptyList(), skipped: 0 });
    const { list, skipped } = readList({
      papers: [
        {
          ...paper('2603.00001'),
          tex: 'LLM$\\times$',
          related: [
            { id: '2603.00009', title: 'R' },
            { id: 'nope', title: 'x' },
          ],
          extra: 1,
        },
        { id: 'javascript:alert(1)', title: 'x' },
        { id: '2603.00002', title: 42, tex: 7, authors: 'x', published: 'yesterday' },
        paper('2603.00001'),
      ],
    });
    expect(list.papers.map((p) => p.id)).toEqual(['2603.00001', '2603.00002']);
    expect(skipped).toBe(1);
    expect(list.papers[0]!.related).toEqual([{ id: '2603.00009', title: 'R' }]);
    expect(list.papers[0]!.tex).toBe('LLM$\\times$');
    expect(list.papers[0]).not.toHaveProperty('extra');
    expect(list.papers[1]).toEqual({ id: '2603.00002', title: 'arXiv:2603.00002', authors: [] });
  });

  it('checks dates as dates: a day that does not exist, or a time Date cannot read, is left out, and the paper kept', () => {
    const { list, skipped } = readList({
      papers: [
        { id: '2603.00001', title: 'A', savedAt: '27/05/2024', listed: '27/05/2024', published: '2024-02-30' },
        { id: '2603.00002', title: 'B', savedAt: '2024-13-45T99:00:00Z', listed: '2024-00-10', published: '2024-02-29' },
        { id: '2603.00003', title: 'C', savedAt: '2024-05-27T10:00:00.000Z', listed: '2024-05-27' },
      ],
    });
    expect(skipped).toBe(0);
    expect(list.papers[0]).toEqual({ id: '2603.00001', title: 'A', authors: [] });
    expect(list.papers[1]).toEqual({ id: '2603.00002', title: 'B', authors: [], published: '2024-02-29' });
    expect(list.papers[2]).toMatchObject({ savedAt: '2024-05-27T10:00:00.000Z', listed: '2024-05-27' });
    // Whatever was kept, a page can format without throwing.
    const format = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC' });
    for (const p of list.papers)
      for (const d of [p.savedAt, p.listed && `${p.listed}T00:00:00Z`]) if (d) expect(() => format.format(new Date(d))).not.toThrow();
  });

  it('keeps when a paper was first saved, and saves a whole list at once in its order, after nothing already saved', () => {
    const once = save(emptyList(), paper('2603.00001'));
    expect(save(once, paper('2603.00001', { savedAt: '2027-01-01T00:00:00.000Z' })).papers[0]!.savedAt).toBe('2026-03-07T10:00:00.000Z');
    const { savedAt: _none, ...unsaved } = paper('2603.00009');
    expect(save(save(emptyList(), unsaved), paper('2603.00009')).papers[0]).not.toHaveProperty('savedAt');
    const all = saveAll(once, [paper('2603.00002'), paper('2603.00001', { note: 'x' }), paper('2603.00003'), paper('2603.00002')]);
    expect(all.papers.map((p) => p.id)).toEqual(['2603.00002', '2603.00003', '2603.00001']);
    expect(all.papers[2]).toEqual(once.papers[0]);
  });

  it('trims and bounds every field it reads, and skips entries that are not objects', () => {
    const related = Array.from({ length: 25 }, (_, i) => ({ id: `2602.${String(10000 + i)}`, title: 'R' }));
    const { list, skipped } = readList({
      papers: [
        null,
        7,
        {
          id: ' 2603.00001 ',
          title: `  ${'t'.repeat(600)}  `,
          authors: ['  Ada  ', 3, '   ', null],
          listed: 'soon',
          note: 'n'.repeat(2500),
          related: [null, 'x', ...related],
        },
      ],
    });
    expect(list.papers).toHaveLength(1);
    expect(skipped).toBe(2);
    const [read] = list.papers;
    expect(read!.id).toBe('2603.00001');
    expect(read!.title).toBe('t'.repeat(500));
    expect(read!.authors).toEqual(['Ada']);
    expect(read).not.toHaveProperty('listed');
    expect(read!.note).toHaveLength(2000);
    expect(read!.related).toEqual(related.slice(0, 20));
  });

  it('sets a note on its paper only, bounded', () => {
    const list = setNote(save(save(emptyList(), paper('2603.00001', { note: 'keep' })), paper('2603.00002')), '2603.00002', 'x'.repeat(2100));
    expect(list.papers.map((p) => p.note?.length)).toEqual([2000, 4]);
  });
});

describe('import', () => {
  it('takes back its own JSON export without loss', () => {
    const list = setNote(
      save(save(emptyList(), paper('2603.00001', { related: [{ id: '2603.00003', title: 'T' }] })), paper('hep-th/9901001')),
      '2603.00001',
      'n',
    );
    const back = parseImport(toJson(list));
    expect(back).toEqual({ papers: list.papers, skipped: 0, follows: noFollows() });
    expect(addImported(emptyList(), (back as { papers: SavedPaper[] }).papers)).toEqual(list);
  });

  it('carries what the reader follows in its JSON, and reads it back, or none from an older export', () => {
    const follows: Follows = {
      version: 1,
      authors: [{ name: 'Kai Chen', account: 'kaichen' }],
      orgs: [{ handle: 'Qwen', name: 'Qwen Team', path: '/orgs/Qwen/', feeds: true }],
      topics: [{ slug: 'robotics', name: 'Robotics' }],
    };
    const list = save(emptyList(), paper('2603.00001'));
    expect(JSON.parse(toJson(list, follows)).following).toEqual(follows);
    expect(parseImport(toJson(list, follows))).toEqual({ papers: list.papers, skipped: 0, follows });
    // An export from before following existed: its papers, and nothing followed.
    expect(parseImport(JSON.stringify(list))).toEqual({ papers: list.papers, skipped: 0, follows: noFollows() });
    // What is not well formed in it is left out, not imported.
    const odd = parseImport(
      JSON.stringify({ ...list, following: { authors: [{ name: 'Ada' }, { account: 'x' }], orgs: 'no', topics: [{ slug: 'Bad Slug' }] } }),
    );
    expect(odd).toMatchObject({ follows: { version: 1, authors: [{ name: 'Ada' }], orgs: [], topics: [] } });
  });

  it('takes a plain list of arXiv ids, in lines, links or prose, without versions, once each', () => {
    expect(parseImport('2406.12345\nhttps://arxiv.org/abs/2501.08331v2, hep-th/9901001 and https://x.org/papers/2603.00011/ again 2406.12345.')).toEqual({
      ids: ['2406.12345', '2501.08331', 'hep-th/9901001', '2603.00011'],
    });
    expect(arxivIdsIn('x2406.12345 2406.123456 12.345 2026-03-06')).toEqual([]);
    // PDF links, the form people copy most, with or without .pdf and a version; old-style ids too; arXiv: ids.
    expect(
      arxivIdsIn('https://arxiv.org/pdf/2401.12345v2.pdf https://arxiv.org/pdf/hep-th/9901001.pdf https://arxiv.org/pdf/2401.54321 arXiv:2312.00001v3'),
    ).toEqual(['2401.12345', 'hep-th/9901001', '2401.54321', '2312.00001']);
    // A file named after an id is not a link to it.
    expect(arxivIdsIn('notes-2401.11111.txt 2401.22222.x')).toEqual([]);
    expect(parseImport('{"not": "a list"}')).toEqual({ ids: [] });
  });

  it('adds imported papers after the saved ones, never twice', () => {
    const list = save(emptyList(), paper('2603.00001', { note: 'mine' }));
    expect(addImported(list, [paper('2603.00001'), paper('2603.00002')]).papers.map((p) => [p.id, p.note])).toEqual([
      ['2603.00001', 'mine'],
      ['2603.00002', undefined],
    ]);
  });
});

describe('exports', () => {
  const list = save(
    save(emptyList(), paper('2603.00001', { title: '∇2DFT & {Braces}', tex: '$\\nabla^2$DFT & {Braces}', note: 'line one\nline two' })),
    paper('2603.00002', { authors: ['=HYPERLINK("x")', 'Bob'] }),
  );

  it('BibTeX: the paper pages’ entries, formulas as LaTeX, which a real parser reads back', () => {
    const text = toBibtex(list);
    expect(text).toContain(
      bibtex({ id: '2603.00001', title: '$\\nabla^2$DFT & {Braces}', authors: ['Ada Lovelace', 'Alan Turing'], publishedAt: '2026-03-05' }),
    );
    const parsed = parseBibtex(text);
    expect(parsed.errors).toEqual([]);
    expect(parsed.entries.map((e) => [e.fields.eprint, e.fields.year])).toEqual([
      ['2603.00002', '2026'],
      ['2603.00001', '2026'],
    ]);
    expect(parsed.entries[1]!.fields.title).toMatch(/^𝛻²DFT & \{braces\}$/i);
    // One blank line between entries, a newline at the end.
    expect(text.split('\n\n@')).toHaveLength(2);
    expect(text.endsWith('}\n')).toBe(true);
    // The year arXiv gives is the publication's: submitted in December, out in January.
    expect(toBibtex(save(emptyList(), paper('2512.09999', { published: '2026-01-01' })))).toMatch(/year\s*=\s*\{2026\}/);
  });

  it('RIS: a preprint per paper in the spec’s tags, its title as text, with a line per author and the note on one line', () => {
    const records = toRis(list)
      .trim()
      .split(/\r\n\r\n/)
      .map((record) => record.split('\r\n').map((line) => [line.slice(0, 2), line.slice(6)]));
    expect(records).toHaveLength(2);
    const [, second] = records;
    expect(second![0]).toEqual(['TY', 'UNPB']);
    expect(second!.at(-1)).toEqual(['ER', '']);
    expect(second!.filter(([tag]) => tag === 'AU').map(([, v]) => v)).toEqual(['Ada Lovelace', 'Alan Turing']);
    expect(Object.fromEntries(second!.filter(([tag]) => ['TI', 'PY', 'DA', 'UR', 'DO', 'N1'].includes(tag!)))).toEqual({
      TI: '∇2DFT & {Braces}',
      PY: '2026',
      DA: '2026/03/05',
      UR: 'https://arxiv.org/abs/2603.00001',
      DO: '10.48550/arXiv.2603.00001',
      N1: 'line one line two',
    });
    expect(Object.fromEntries(second!.filter(([tag]) => ['L1', 'PB'].includes(tag!)))).toEqual({ L1: 'https://arxiv.org/pdf/2603.00001', PB: 'arXiv' });
    // A Windows line break in a note is one space too, and the file ends with a line break.
    const windows = toRis(setNote(list, '2603.00001', 'one\r\ntwo'));
    expect(windows).toContain('N1  - one two\r\n');
    expect(windows.endsWith('ER  - \r\n')).toBe(true);
    for (const record of records) for (const [tag] of record) expect(tag).toMatch(/^[A-Z][A-Z0-9]$/);
  });

  it('CSV: quoted fields, and a field a spreadsheet would run made text', () => {
    const [header, first] = toCsv(list).split('\r\n');
    expect(header).toBe('"arxiv_id","title","authors","published","listed","saved","note","url"');
    expect(first).toBe(
      `"2603.00002","Paper 2603.00002","'=HYPERLINK(""x""); Bob","2026-03-05","2026-03-06","2026-03-07T10:00:00.000Z","","https://arxiv.org/abs/2603.00002"`,
    );
    expect(toCsv(list).endsWith('"https://arxiv.org/abs/2603.00001"\r\n')).toBe(true);
    expect(toJson(list).endsWith('}\n')).toBe(true);
  });
});

describe('more like the list', () => {
  it('sums each saved paper’s related list, the first most, leaves out what is saved, and stops at twenty', () => {
    const rel = (...ids: string[]) => ids.map((id) => ({ id, title: `T ${id}` }));
    let list = save(emptyList(), paper('2603.00001', { related: rel('2601.00001', '2601.00002', '2601.00003') }));
    list = save(list, paper('2603.00002', { related: rel('2601.00003', '2603.00001', '2601.00004') }));
    expect(recommend(list).map((r) => [r.id, r.score])).toEqual([
      ['2601.00003', 4],
      ['2601.00001', 3],
      ['2601.00002', 2],
      ['2601.00004', 1],
    ]);
    const many = save(emptyList(), paper('2603.00009', { related: rel(...Array.from({ length: 30 }, (_, i) => `2602.${String(10000 + i)}`)) }));
    expect(recommend(many)).toHaveLength(20);
    expect(recommend(emptyList())).toEqual([]);
    // Equal scores: the paper more saved papers point to first (2 + 1 from two lists beats 3 from one).
    let tie = save(emptyList(), paper('2603.00001', { related: rel('2601.00009', '2601.00005', '2601.00002') }));
    tie = save(tie, paper('2603.00002', { related: rel('2601.00001', '2601.00005') }));
    expect(recommend(tie).map((r) => [r.id, r.score])).toEqual([
      ['2601.00005', 3],
      ['2601.00009', 3],
      ['2601.00001', 2],
      ['2601.00002', 1],
    ]);
  });
});
