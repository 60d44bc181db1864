// /following/: the recent papers of what this browser follows, each with why it is there, the
// recent papers most like the reading list, and what is followed, to unfollow, to add an author by
// name and to take to a feed reader (OPML). Loaded by src/scripts/site.ts on this page only. The
// recent papers come from one static file the build wrote; every string from it goes into the page
// as text, and nothing followed leaves the browser.
import { followsAuthor, toggleAuthor, toggleOrg, toggleTopic, type Follows } from '../../lib/following/follows.ts';
import { followedPapers, likeSaved, reasonText, type RecentFile, type RecentNames } from '../../lib/following/recent.ts';
import { authorSearchPath, dayPath, paperPath, topicPath } from '../../lib/paths.ts';
import { plural } from '../../lib/plural.ts';
import { dayMonth } from '../../lib/text.ts';
import { BASE } from '../base.ts';
import { byId, download, el, href } from '../dom.ts';
import { kept } from '../local-store.ts';
import { load as loadSaved, onChange as onSavedChange } from '../saved/store.ts';
import { fetchText } from '../fetch-text.ts';
import { loadFollows, onFollowsChange, storeFollows } from './store.ts';

/** The page's status line. */
const say = (text: string) => (byId('following-status').textContent = text);

/** Store, or say why the browser would not. */
const keep = (follows: Follows) => kept(() => storeFollows(follows));

/** The build's file of recent papers (src/lib/follow-recent.ts). */
export async function fetchRecent(url: string): Promise<RecentFile> {
  const file = JSON.parse(await fetchText(url)) as RecentFile;
  if (file.version !== 1 || !Array.isArray(file.papers)) throw new Error(`${url} is not a file of recent papers this page reads`);
  return file;
}

const paperLink = (id: string, title: string) => el('a', { href: href(paperPath(id)), textContent: title });

/** One recent paper in a compact list: its title, then why it is here; the save control joins it. */
const entry = (id: string, title: string, ...why: (Node | string)[]) => el('li', {}, el('div', {}, paperLink(id, title), ...why));

function drawFollowed(file: RecentFile, follows: Follows): void {
  const found = followedPapers(file, follows);
  const nothing = !follows.authors.length && !follows.orgs.length && !follows.topics.length;
  byId('following-summary').textContent = nothing
    ? 'Follow an author, an organization or a topic and its newest papers show here.'
    : found.length
      ? `${plural(found.length, 'paper')} from what you follow in the last ${plural(file.days.length, 'listed day')}, newest first.`
      : `Nothing from what you follow in the last ${plural(file.days.length, 'listed day')}.`;
  // Each with its listed day, which links the day's page.
  byId('following-papers').replaceChildren(
    ...found.map(({ paper: [id, title], day, reasons }) => {
      const item = entry(id, title, ' ', el('span', { className: 'org', textContent: reasons.map(reasonText).join(' · ') }));
      item.prepend(el('span', {}, el('a', { href: href(dayPath(day)), textContent: dayMonth(day) })));
      return item;
    }),
  );
}

function drawLike(file: RecentFile): void {
  const saved = loadSaved().papers;
  const titles = new Map(saved.map((paper) => [paper.id, paper.title]));
  const like = likeSaved(file, saved);
  byId('following-like-none').textContent = !saved.length
    ? 'Save papers to your reading list, and the recent papers most like them show here.'
    : like.length
      ? `The recent papers nearest to the ${plural(saved.length, 'paper')} you saved, by the words of their titles, keywords and abstracts.`
      : `None of the recent papers is among the nearest to the ${plural(saved.length, 'paper')} you saved.`;
  byId('following-like').replaceChildren(
    ...like.map(({ paper: [id, title], like: ids }) => {
      const first = ids[0]!;
      const more = ids.length > 1 ? ` and ${plural(ids.length - 1, 'other')}` : '';
      return entry(
        id,
        title,
        ' ',
        el('span', { className: 'org' }, 'like ', el('a', { href: href(paperPath(first)), textContent: `“${titles.get(first) ?? first}”` }), more),
      );
    }),
  );
}

/** A followed thing with its link and an Unfollow button; after it goes, focus stays on the list. */
function followedItem(kind: string, label: Node, account: string | undefined, unfollow: () => Follows): HTMLLIElement {
  const name = label.textContent!;
  const button = el('button', { type: 'button', className: 'unfollow' }, 'Unfollow', el('span', { className: 'visually-hidden', textContent: ` ${name}` }));
  button.addEventListener('click', () => {
    const items = [...byId('followed').querySelectorAll('button.unfollow')];
    const index = items.indexOf(button);
    if (!keep(unfollow())) return;
    say(`You no longer follow ${name}.`);
    const next = byId('followed').querySelectorAll<HTMLButtonElement>('button.unfollow');
    (next[Math.min(index, next.length - 1)] ?? byId('follow-author-name')).focus();
  });
  return el(
    'li',
    {},
    el('span', { className: 'muted', textContent: `${kind} ` }),
    label,
    ...(account ? [el('span', { className: 'muted', textContent: ` (${account} on Hugging Face)` })] : []),
    ' ',
    button,
  );
}

function drawWhat(follows: Follows): void {
  const items = [
    ...follows.authors.map((author) =>
      followedItem('Author', el('a', { href: href(authorSearchPath(author.name)), textContent: author.name }), author.account, () =>
        toggleAuthor(loadFollows(), author),
      ),
    ),
    ...follows.orgs.map((org) =>
      followedItem('Organization', org.path ? el('a', { href: href(org.path), textContent: org.name }) : document.createTextNode(org.name), undefined, () =>
        toggleOrg(loadFollows(), org),
      ),
    ),
    ...follows.topics.map((topic) =>
      followedItem('Topic', el('a', { href: href(topicPath(topic.slug)), textContent: topic.name }), undefined, () => toggleTopic(loadFollows(), topic)),
    ),
  ];
  byId('followed').replaceChildren(...items);
  byId('followed-none').hidden = items.length > 0;
  byId<HTMLButtonElement>('follow-opml').disabled = !follows.orgs.some((org) => org.feeds) && !follows.topics.length;
}

function draw(file: RecentFile): void {
  const follows = loadFollows();
  drawFollowed(file, follows);
  drawLike(file);
  drawWhat(follows);
}

/** The names to suggest, loaded the first time a reader goes to type one; without them, any name can still be typed. */
function startSuggestions(input: HTMLInputElement): void {
  const load = async () => {
    try {
      const names = JSON.parse(await fetchText(byId('following-app').dataset.names!)) as RecentNames;
      byId('follow-author-names').replaceChildren(
        ...names.map(([name, count]) => el('option', { value: name, label: `${name}, ${plural(count, 'recent paper')}` })),
      );
    } catch {
      input.addEventListener('focus', load, { once: true });
    }
  };
  input.addEventListener('focus', load, { once: true });
}

function startManaging(): void {
  const form = byId<HTMLFormElement>('follow-author');
  const input = byId<HTMLInputElement>('follow-author-name');
  startSuggestions(input);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const name = input.value.replace(/\s+/g, ' ').trim();
    if (!name) return;
    const follows = loadFollows();
    if (followsAuthor(follows, { name })) return void say(`You already follow ${name}.`);
    if (!keep(toggleAuthor(follows, { name }))) return;
    input.value = '';
    say(`You follow ${name}.`);
  });
  byId('follow-opml').addEventListener('click', async () => {
    const { followedFeeds, toOpml } = await import('./opml.ts');
    const { outlines, withoutFeeds } = followedFeeds(loadFollows(), new URL(BASE, location.href).href);
    const site = document.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? 'Broadsheet';
    if (outlines.length) download('following.opml', 'text/x-opml', toOpml(outlines, `${site}: what I follow`));
    const left = withoutFeeds.length
      ? ` ${withoutFeeds.join(', ')} ${withoutFeeds.length === 1 ? 'has' : 'have'} no feed of its own yet (too few papers).`
      : '';
    say(`${outlines.length ? `The file holds ${plural(outlines.length, 'feed')}.` : 'Nothing you follow has a feed.'}${left}`);
  });
}

export async function start(): Promise<void> {
  const app = byId('following-app');
  app.hidden = false;
  startManaging();
  // What is followed shows at once, and follows every change; the papers join once their file is read.
  let file: RecentFile | undefined;
  drawWhat(loadFollows());
  onFollowsChange((follows) => (file ? draw(file) : drawWhat(follows)));
  onSavedChange(() => file && drawLike(file));
  say('Reading the recent papers…');
  app.setAttribute('aria-busy', 'true');
  try {
    file = await fetchRecent(app.dataset.recent!);
    say('');
    draw(file);
  } catch (error) {
    say(`The recent papers could not be read (${(error as Error).message}): reload the page to try again.`);
  } finally {
    app.setAttribute('aria-busy', 'false');
  }
}
