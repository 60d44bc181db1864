// The save control beside each paper: on its page, in every list (day, week, topic, organization,
// trending, released), in search results as they come. One listener keeps every control on the
// page in step with the list, whoever changed it; a list that cannot be stored is said in a
// status line, not lost silently.
import { plural } from '../../lib/plural.ts';
import { isSaved, remove, save, saveAll, type SavedList } from './list.ts';
import { kept } from '../local-store.ts';
import { fetchPaper, load, onChange, paperFrom, paperIdOf, store, textOf } from './store.ts';

/** Store, or say why not. */
export const keep = (list: SavedList): boolean => kept(() => store(list));

/** Save a paper now with what the page shows, then with what its own page says once it is read. */
async function toggle(id: string, title: string): Promise<void> {
  if (isSaved(load(), id)) return void keep(remove(load(), id));
  const here = paperIdOf(location.href) === id;
  if (!keep(save(load(), here ? paperFrom(document, id) : { id, title, authors: [], savedAt: new Date().toISOString() }))) return;
  const full = here ? undefined : await fetchPaper(id);
  if (full && isSaved(load(), id)) keep(save(load(), full));
}

function show(button: HTMLButtonElement, list: SavedList): void {
  const saved = isSaved(list, button.dataset.paper!);
  button.setAttribute('aria-pressed', String(saved));
  button.firstElementChild!.textContent = saved ? '★' : '☆';
}

/** A save control for one paper: "Save" with the paper's title for screen readers, pressed when saved. */
export function saveButton(id: string, title: string): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'save';
  button.dataset.paper = id;
  const star = document.createElement('span');
  star.setAttribute('aria-hidden', 'true');
  const hidden = document.createElement('span');
  hidden.className = 'visually-hidden';
  hidden.textContent = ` “${title}”`;
  button.append(star, ' Save', hidden);
  show(button, load());
  button.addEventListener('click', () => void toggle(id, title));
  return button;
}

/** Where a list entry's control goes: beside its counts, or at the end of its text. */
function decorate(item: Element): void {
  if (item.querySelector('button.save')) return;
  const link = [...item.querySelectorAll('a')].find((a) => paperIdOf(a.href));
  if (!link) return;
  (item.querySelector('.stats, .search-result-meta, :scope > div') ?? item).append(' ', saveButton(paperIdOf(link.href)!, textOf(link)));
}

const LISTS = 'ol.papers > li, ol.compact > li, ol.search-results > li';

/** The papers a list shows, in its order: the first link to a paper page in each entry. */
function papersIn(list: Element): { id: string; title: string }[] {
  return [...list.children].flatMap((item) => {
    const link = [...item.querySelectorAll('a')].find((a) => paperIdOf(a.href));
    return link ? [{ id: paperIdOf(link.href)!, title: textOf(link) }] : [];
  });
}

/**
 * One control above a whole list (a day, a week, a month, search results) that saves every paper
 * of it at once; /saved/ reads their pages for what the list does not show. The page carries no
 * byte for it but the list's data-save-all: the control is made here.
 */
function saveAllControl(list: Element): void {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'save-all' });
  const status = Object.assign(document.createElement('span'), { className: 'muted' });
  status.setAttribute('role', 'status');
  const bar = Object.assign(document.createElement('p'), { className: 'save-all-bar' });
  bar.append(button, ' ', status);
  const label = () => {
    const count = papersIn(list).length;
    button.textContent = count === 1 ? 'Save all: 1 paper' : `Save all ${plural(count, 'paper')}`;
    bar.hidden = count === 0;
  };
  button.addEventListener('click', () => {
    const papers = papersIn(list);
    const before = load();
    const fresh = papers.filter((paper) => !isSaved(before, paper.id));
    const savedAt = new Date().toISOString();
    if (
      !keep(
        saveAll(
          before,
          fresh.map((paper) => ({ ...paper, authors: [], savedAt })),
        ),
      )
    )
      return;
    const already = papers.length - fresh.length;
    status.textContent = `${plural(fresh.length, 'paper')} added to your reading list${already ? `; ${already} ${already === 1 ? 'was' : 'were'} there already` : ''}.`;
  });
  label();
  // Search results arrive and grow after the page: the count follows them.
  new MutationObserver(label).observe(list, { childList: true });
  list.before(bar);
}

export function startButtons(): void {
  const pageId = paperIdOf(location.href);
  const links = document.querySelector('.paper-page ul.links');
  if (pageId && links) {
    const item = document.createElement('li');
    item.append(saveButton(pageId, textOf(document.querySelector('h1')!)));
    links.append(item);
  }
  for (const item of document.querySelectorAll(LISTS)) decorate(item);
  for (const list of document.querySelectorAll('ol[data-save-all]')) saveAllControl(list);
  // Every control on the page, those added later included, follows the list: one listener for all.
  onChange((list) => {
    for (const button of document.querySelectorAll<HTMLButtonElement>('button.save[data-paper]')) show(button, list);
  });
  // Lists that fill in later: search results, the reading list's own suggestions.
  new MutationObserver((changes) => {
    for (const change of changes) for (const node of change.addedNodes) if (node instanceof Element && node.matches(LISTS)) decorate(node);
  }).observe(document.body, { childList: true, subtree: true });
}
