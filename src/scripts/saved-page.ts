// /saved/: the reading list, newest saved first, with a note per paper; remove one, clear all
// (with an undo); export to BibTeX, RIS, CSV and JSON; import a JSON export or a list of arXiv
// ids; and papers like the list's. Loaded by src/scripts/saved.ts on this page only. Every
// upstream or imported string goes into the page as text.
import { addImported, parseImport, recommend, toBibtex, toCsv, toJson, toRis } from '../lib/saved-export.ts';
import { emptyList, isSaved, remove, save, setNote, type SavedList, type SavedPaper } from '../lib/saved.ts';
import { fetchPaper, load, onChange, saveButton, store } from './saved.ts';

const BASE = import.meta.env.BASE_URL.replace(/\/?$/, '/');
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const dates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = Object.assign(document.createElement(tag), props);
  element.append(...children);
  return element;
}

/** Set while a note is being saved from this page: its own change need not be drawn again. */
let quiet = false;

const paperLink = (id: string, title: string) => el('a', { href: `${BASE}papers/${id}/`, textContent: title });

function authors(list: readonly string[]): string {
  return list.length > 4 ? `${list.slice(0, 3).join(', ')} and ${list.length - 3} others` : list.join(', ');
}

function item(paper: SavedPaper): HTMLLIElement {
  const facts = [
    authors(paper.authors),
    paper.listed && `listed ${dates.format(new Date(`${paper.listed}T00:00:00Z`))}`,
    `saved ${dates.format(new Date(paper.savedAt))}`,
  ]
    .filter(Boolean)
    .join(' · ');
  const note = el('input', { type: 'text', value: paper.note ?? '', className: 'saved-note' });
  note.setAttribute('aria-label', `Note on “${paper.title}”`);
  note.placeholder = 'A note for yourself';
  let typing: ReturnType<typeof setTimeout> | undefined;
  note.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      // The list is the same but for this note: no need to redraw it under the reader's cursor.
      quiet = true;
      store(setNote(load(), paper.id, note.value));
    }, 300);
  });
  const drop = el('button', { type: 'button', className: 'saved-remove', textContent: 'Remove' });
  drop.append(el('span', { className: 'visually-hidden', textContent: ` “${paper.title}”` }));
  drop.addEventListener('click', () => store(remove(load(), paper.id)));
  return el(
    'li',
    { className: 'saved-paper' },
    el('div', {}, paperLink(paper.id, paper.title), el('p', { className: 'muted', textContent: facts }), note),
    drop,
  );
}

/** Offer a file to download, made here: nothing is sent anywhere. */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const EXPORTS: Record<string, [string, string, (list: SavedList) => string]> = {
  bibtex: ['reading-list.bib', 'application/x-bibtex', toBibtex],
  ris: ['reading-list.ris', 'application/x-research-info-systems', toRis],
  csv: ['reading-list.csv', 'text/csv', toCsv],
  json: ['reading-list.json', 'application/json', toJson],
};

export function start(): void {
  const app = byId('saved-app');
  const list = byId<HTMLOListElement>('saved-list');
  const summary = byId('saved-summary');
  const status = byId('saved-status');
  const more = byId<HTMLOListElement>('saved-more');
  const clear = byId<HTMLButtonElement>('saved-clear');
  app.hidden = false;
  let undo: SavedList | undefined;

  const say = (text: string, action?: HTMLButtonElement) => status.replaceChildren(text, ...(action ? [' ', action] : []));
  const render = (saved: SavedList) => {
    if (quiet) {
      quiet = false;
      return;
    }
    const n = saved.papers.length;
    summary.textContent = n
      ? `${n} ${n === 1 ? 'paper' : 'papers'}, newest saved first. They are kept in this browser only.`
      : 'Nothing saved yet: use “Save” beside any paper.';
    list.replaceChildren(...saved.papers.map(item));
    clear.disabled = !n;
    for (const button of app.querySelectorAll<HTMLButtonElement>('.saved-export button')) button.disabled = !n;
    const suggestions = recommend(saved);
    more.replaceChildren(...suggestions.map((s) => el('li', {}, el('div', {}, paperLink(s.id, s.title), ' ', saveButton(s.id, s.title)))));
    byId('saved-more-none').hidden = suggestions.length > 0;
  };

  for (const button of app.querySelectorAll<HTMLButtonElement>('.saved-export button')) {
    button.addEventListener('click', () => {
      const [name, type, make] = EXPORTS[button.dataset.format!]!;
      download(name, type, make(load()));
    });
  }
  clear.addEventListener('click', () => {
    undo = load();
    store(emptyList());
    const back = el('button', { type: 'button', textContent: 'Undo' });
    back.addEventListener('click', () => {
      if (undo) store(addImported(undo, load().papers));
      undo = undefined;
      say('The list is back.');
    });
    say(`Cleared ${undo.papers.length} ${undo.papers.length === 1 ? 'paper' : 'papers'}.`, back);
    back.focus();
  });

  const importText = async (text: string) => {
    const found = parseImport(text);
    if ('papers' in found) {
      store(addImported(load(), found.papers));
      return say(`Imported ${found.papers.length} ${found.papers.length === 1 ? 'paper' : 'papers'}.`);
    }
    if (!found.ids.length) return say('No arXiv id found in that text or file.');
    let done = 0;
    const papers: SavedPaper[] = [];
    for (const id of found.ids) {
      say(`Reading ${++done} of ${found.ids.length}…`);
      papers.push((await fetchPaper(id)) ?? { id, title: `arXiv:${id}`, authors: [], savedAt: new Date().toISOString() });
    }
    store(addImported(load(), papers));
    say(`Imported ${papers.length} ${papers.length === 1 ? 'paper' : 'papers'}.`);
  };
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

  render(load());
  onChange(render);
  void complete();
}

/**
 * Papers saved from a list whose own page could not be read then (the reader left at once, or was
 * offline) are read now, so their authors and dates are there to export.
 */
async function complete(): Promise<void> {
  for (const paper of load().papers.filter((p) => !p.authors.length && !p.title.startsWith('arXiv:'))) {
    const full = await fetchPaper(paper.id);
    if (full && isSaved(load(), paper.id)) store(save(load(), full));
  }
}
