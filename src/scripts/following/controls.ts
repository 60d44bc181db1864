// Follow controls where a reader meets what to follow: an organization's page, a topic's page, and
// a paper's page, whose authors the script lists from the page's citation_author tags (the page
// carries no byte more for it), with each author's hub account read from the day's JSON when the
// list opens. A control is a toggle: its name begins "Follow", its state is aria-pressed.
import {
  followsAuthor,
  followsOrg,
  followsTopic,
  toggleAuthor,
  toggleOrg,
  toggleTopic,
  type FollowedAuthor,
  type Follows,
} from '../../lib/following/follows.ts';
import { BASE } from '../base.ts';
import { kept } from '../local-store.ts';
import { loadFollows, onFollowsChange, storeFollows } from './store.ts';

/** Store, or say why the browser would not. */
const keep = (follows: Follows) => kept(() => storeFollows(follows));

/** A toggle: visibly "Follow", to a screen reader "Follow <what>", pressed while followed. */
function followButton(what: string, followed: (follows: Follows) => boolean, toggle: (follows: Follows) => Follows): HTMLButtonElement {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'follow' });
  const mark = document.createElement('span');
  mark.setAttribute('aria-hidden', 'true');
  const hidden = Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: ` ${what}` });
  button.append(mark, 'Follow', hidden);
  const show = (follows: Follows) => {
    const on = followed(follows);
    button.setAttribute('aria-pressed', String(on));
    mark.textContent = on ? '✓ ' : '+ ';
  };
  show(loadFollows());
  onFollowsChange(show);
  button.addEventListener('click', () => keep(toggle(loadFollows())));
  return button;
}

/** Each author's hub account, from the JSON of the day the paper was last listed; none if it cannot be read. */
async function accounts(id: string): Promise<Record<string, string>> {
  const day = [...document.querySelectorAll('.facts a[href*="/days/"]')]
    .at(-1)
    ?.getAttribute('href')
    ?.match(/(\d{4}-\d{2}-\d{2})\/$/)?.[1];
  if (!day) return {};
  try {
    const json = (await (await fetch(`${BASE}days/${day}.json`)).json()) as { papers: { id: string; authorAccounts?: Record<string, string> }[] };
    return json.papers.find((paper) => paper.id === id)?.authorAccounts ?? {};
  } catch {
    return {};
  }
}

/** "Follow an author": a disclosure listing the paper's authors, each with its own control. */
function authorControls(names: readonly string[]): HTMLElement {
  const box = Object.assign(document.createElement('div'), { className: 'follow-authors' });
  const open = Object.assign(document.createElement('button'), { type: 'button', className: 'follow', textContent: 'Follow an author…' });
  open.setAttribute('aria-expanded', 'false');
  const list = Object.assign(document.createElement('ul'), { className: 'follow-author-list', hidden: true });
  list.id = 'follow-author-list';
  open.setAttribute('aria-controls', list.id);
  let filled = false;
  open.addEventListener('click', async () => {
    const expanded = open.getAttribute('aria-expanded') !== 'true';
    open.setAttribute('aria-expanded', String(expanded));
    list.hidden = !expanded;
    if (!expanded || filled) return;
    filled = true;
    const id = decodeURIComponent(location.pathname.slice(BASE.length + 'papers/'.length, -1));
    const account = await accounts(id);
    list.replaceChildren(
      ...names.map((name) => {
        const author: FollowedAuthor = { name, ...(account[name] ? { account: account[name] } : {}) };
        const item = document.createElement('li');
        item.append(
          followButton(
            name,
            (follows) => followsAuthor(follows, author),
            (follows) => toggleAuthor(follows, author),
          ),
          ` ${name}`,
          ...(author.account
            ? [Object.assign(document.createElement('span'), { className: 'muted', textContent: ` (${author.account} on Hugging Face)` })]
            : []),
        );
        return item;
      }),
    );
    (list.querySelector('button') as HTMLButtonElement | null)?.focus();
  });
  box.append(open, list);
  return box;
}

export function startFollowControls(): void {
  // An organization's or a topic's page says all the follow needs, with no byte more for it than
  // data-follow: its name in the <h1>, its path in the address, an organization's handle in the
  // header's <code> and its feeds in the head's alternate links.
  const header = document.querySelector<HTMLElement>('[data-follow]');
  const [, kind, segment] = location.pathname.slice(BASE.length).match(/^(orgs|topics)\/([^/]+)\//) ?? [];
  const h1 = header?.querySelector('h1');
  if (header && h1 && segment) {
    const name = h1.textContent!.trim();
    if (kind === 'orgs') {
      const handle = header.querySelector('code')!.textContent!.trim();
      const path = `/orgs/${segment}/`;
      const feeds = [...document.querySelectorAll<HTMLLinkElement>('link[rel="alternate"]')].some((link) =>
        new URL(link.href).pathname.startsWith(BASE + path.slice(1)),
      );
      const org = { handle, name, path, ...(feeds ? { feeds: true } : {}) };
      h1.after(
        followButton(
          name,
          (follows) => followsOrg(follows, handle),
          (follows) => toggleOrg(follows, org),
        ),
      );
    } else {
      const slug = decodeURIComponent(segment);
      h1.after(
        followButton(
          name,
          (follows) => followsTopic(follows, slug),
          (follows) => toggleTopic(follows, { slug, name }),
        ),
      );
    }
  }
  const names = [...document.querySelectorAll('meta[name="citation_author"]')].map((m) => m.getAttribute('content') ?? '').filter(Boolean);
  const authors = document.querySelector('.paper-page .authors');
  if (names.length && authors) authors.after(authorControls([...new Set(names)]));
}
