// /saved/: the reading list, newest saved first, with a note per paper; remove one, clear all
// (with an undo); export to BibTeX, RIS, CSV and JSON; import a JSON export or a list of arXiv
// ids; and papers like the list's. Loaded by src/scripts/saved.ts on this page only. Every
// upstream or imported string goes into the page as text, and whatever the list holds, the page
// draws: what it cannot read is skipped and said.
import { plural } from '../../lib/plural.ts';
import { BASE } from '../base.ts';
import { byId, download, el } from '../dom.ts';
import { kept } from '../local-store.ts';
import { mergeFollows } from '../../lib/following/follows.ts';
import { loadFollows, storeFollows } from '../following/store.ts';
import { saveButton } from './button.ts';
import { addImported, parseImport, recommend, toBibtex, toCsv, toJson, toRis } from './export.ts';
import { emptyList, isSaved, remove, save, setNote, type SavedList, type SavedPaper } from './list.ts';
import { fetchPaper, load, loadReport, onChange, store } from './store.ts';

const dates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** The page's status line: what happened, with an action to take when there is one. */
const say = (text: string, action?: HTMLButtonElement) => byId('saved-status').replaceChildren(text, ...(action ? [' ', action] : []));

/** Store, or say why the browser would not. */
const keep = (list: SavedList, origin: 'note' | 'other' = 'other'): boolean => kept(() => store(list, origin), say);

const paperLink = (id: string, title: string) => el('a', { href: `${BASE}papers/${id}/`, textContent: title });

function authors(list: readonly string[]): string {
  return list.length > 4 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} others` : list.join(', ');
}

function item(paper: SavedPaper): HTMLLIElement {
  // Dates were checked as dates when the list was read; one that is missing is not shown.
  const facts = [
    authors(paper.authors),
    paper.listed && `listed ${dates.format(new Date(`${paper.listed}T00:00:00Z`))}`,
    paper.savedAt && `saved ${dates.format(new Date(paper.savedAt))}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const note = el('input', { type: 'text', value: paper.note ?? '', className: 'saved-note' });
  note.setAttribute('aria-label', `Note on “${paper.title}”`);
  note.placeholder = 'A note for yourself';
  let typing: ReturnType<typeof setTimeout> | undefined;
  note.addEventListener('input', () => {
    clearTimeout(typing);
    // The list is the same but for this note: no need to redraw it under the reader's cursor.
    typing = setTimeout(() => keep(setNote(load(), paper.id, note.value), 'note'), 300);
  });
  const drop = el('button', { type: 'button', className: 'saved-remove', textContent: 'Remove' });
  drop.append(el('span', { className: 'visually-hidden', textContent: ` “${paper.title}”` }));
  drop.addEventListener('click', () => keep(remove(load(), paper.id)));
  return el(
    'li',
    { className: 'saved-paper' },
    el('div', {}, paperLink(paper.id, paper.title), el('p', { className: 'muted', textContent: facts }), note),
    drop,
  );
}

const EXPORTS: Record<string, [string, string, (list: SavedList) => string]> = {
  bibtex: ['reading-list.bib', 'application/x-bibtex', toBibtex],
  ris: ['reading-list.ris', 'application/x-research-info-systems', toRis],
  csv: ['reading-list.csv', 'text/csv', toCsv],
  json: ['reading-list.json', 'application/json', (list) => toJson(list, loadFollows())],
};

/** Draw the list, its counts and what is like it. */
function render(saved: SavedList): void {
  const app = byId('saved-app');
  const n = saved.papers.length;
  byId('saved-summary').textContent = n
    ? `${plural(n, 'paper')}, newest saved first. They are kept in this browser only.`
    : 'Nothing saved yet: use “Save” beside any paper.';
  byId('saved-list').replaceChildren(...saved.papers.map(item));
  byId<HTMLButtonElement>('saved-clear').disabled = !n;
  // The JSON file carries what is followed too: worth exporting with no paper saved.
  const follows = loadFollows();
  const following = follows.authors.length + follows.orgs.length + follows.topics.length > 0;
  for (const button of app.querySelectorAll<HTMLButtonElement>('.saved-export button'))
    button.disabled = !n && !(following && button.dataset.format === 'json');
  const suggestions = recommend(saved);
  byId('saved-more').replaceChildren(...suggestions.map((s) => el('li', {}, el('div', {}, paperLink(s.id, s.title), ' ', saveButton(s.id, s.title)))));
  byId('saved-more-none').hidden = suggestions.length > 0;
}

function startClear(): void {
  const clear = byId<HTMLButtonElement>('saved-clear');
  clear.addEventListener('click', () => {
    const undo = load();
    if (!keep(emptyList())) return;
    const back = el('button', { type: 'button', textContent: 'Undo' });
    back.addEventListener('click', () => {
      if (keep(addImported(undo, load().papers))) say('The list is back.');
    });
    say(`Cleared ${plural(undo.papers.length, 'paper')}.`, back);
    back.focus();
  });
}

const skippedNote = (skipped: number) =>
  skipped ? ` ${plural(skipped, 'entry', 'entries')} could not be read as a paper and ${skipped === 1 ? 'was' : 'were'} skipped.` : '';

/** Import a JSON export (what it cannot read is skipped and said), or the papers of any arXiv ids in a text. */
async function importText(text: string): Promise<void> {
  const found = parseImport(text);
  if ('papers' in found) {
    const { authors, orgs, topics } = found.follows;
    const follows = authors.length + orgs.length + topics.length;
    if (!found.papers.length && !follows) return say(`No paper found in that file.${skippedNote(found.skipped)}`);
    if (found.papers.length && !keep(addImported(load(), found.papers))) return;
    if (follows && !kept(() => storeFollows(mergeFollows(loadFollows(), found.follows)), say)) return;
    const what = [
      found.papers.length && plural(found.papers.length, 'paper'),
      follows && `${plural(follows, 'follow')} (authors, organizations, topics)`,
    ].filter(Boolean);
    return say(`Imported ${what.join(' and ')}.${skippedNote(found.skipped)}`);
  }
  if (!found.ids.length) return say('No arXiv id found in that text or file.');
  let done = 0;
  const papers: SavedPaper[] = [];
  for (const id of found.ids) {
    say(`Reading ${++done} of ${found.ids.length}…`);
    papers.push((await fetchPaper(id)) ?? { id, title: `arXiv:${id}`, authors: [], savedAt: new Date().toISOString() });
  }
  if (keep(addImported(load(), papers))) say(`Imported ${plural(papers.length, 'paper')}.`);
}

function startImport(): void {
  byId<HTMLInputElement>('saved-file').addEventListener('change', async (event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (file) await importText(await file.text());
  });
  byId<HTMLFormElement>('saved-import').addEventListener('submit', async (event) => {
    event.preventDefault();
    const ids = byId<HTMLTextAreaElement>('saved-ids');
    await importText(ids.value);
    ids.value = '';
  });
}

export function start(): void {
  const app = byId('saved-app');
  app.hidden = false;
  // Papers saved from a list are read from their pages first: an export waits for them.
  const completing = complete();
  for (const button of app.querySelectorAll<HTMLButtonElement>('.saved-export button')) {
    button.addEventListener('click', async () => {
      await completing;
      const [name, type, make] = EXPORTS[button.dataset.format!]!;
      download(name, type, make(load()));
    });
  }
  startClear();
  startImport();
  const { list, skipped } = loadReport();
  render(list);
  // What could not be read cannot be shown or exported: it is removed, once, and said.
  if (skipped && keep(list))
    say(`${plural(skipped, 'saved entry', 'saved entries')} could not be read as a paper and ${skipped === 1 ? 'was' : 'were'} removed.`);
  onChange((saved, origin) => origin === 'note' || render(saved));
}

/**
 * Papers saved from a list whose own page could not be read then (the reader left at once, or was
 * offline) are read now, so their authors and dates are there to export.
 */
async function complete(): Promise<void> {
  const incomplete = load().papers.filter((p) => !p.authors.length && !p.title.startsWith('arXiv:'));
  let done = 0;
  for (const paper of incomplete) {
    // A whole day saved at once is forty pages to read: say how far it is, as exports wait for it.
    if (incomplete.length > 3) say(`Reading the saved papers’ pages: ${++done} of ${incomplete.length}…`);
    const full = await fetchPaper(paper.id);
    if (full && isSaved(load(), paper.id)) keep(save(load(), full));
  }
  if (incomplete.length > 3) say('Every saved paper is read: the exports have their authors and dates.');
}
