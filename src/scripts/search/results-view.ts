// The results list, its summary line and the "load more" button. Every upstream string goes into
// the page as a text node; the only markup is the <mark> elements made here for matched words.
import { excerptParts, yearsPhrase } from './state.ts';
import type { PagefindData } from './indexes.ts';
import type { SearchSession } from './session.ts';

const dates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

export function resultItem(found: PagefindData): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = found.url;
  link.textContent = found.meta.title ?? found.url;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'search-result-meta';
  const parts: (string | Node)[] = [];
  if (found.meta.authors) parts.push(found.meta.authors);
  if (found.meta.listed) {
    const time = document.createElement('time');
    time.dateTime = found.meta.listed;
    time.textContent = `listed ${dates.format(new Date(`${found.meta.listed}T00:00:00Z`))}`;
    parts.push(time);
  }
  if (found.meta.upvotes) parts.push(`▲ ${found.meta.upvotes} ${found.meta.upvotes === '1' ? 'upvote' : 'upvotes'}`);
  if (found.meta.organization) parts.push(found.meta.organization);
  parts.forEach((part, i) => meta.append(...(i ? [' · ', part] : [part])));
  const excerpt = document.createElement('p');
  excerpt.className = 'search-result-excerpt';
  for (const part of excerptParts(found.content, found.locations)) {
    if (!part.mark) excerpt.append(part.text);
    else {
      const mark = document.createElement('mark');
      mark.textContent = part.text;
      excerpt.append(mark);
    }
  }
  item.append(heading, meta, excerpt);
  return item;
}

/** The summary of a final page of results; `years` names the years searched when older ones were left out. */
function summaryText(total: number, label: string, term: boolean, years: string | undefined): string {
  const papers = `${total.toLocaleString('en-GB')} ${total === 1 ? 'paper' : 'papers'}`;
  if (!term) {
    if (!total) return years ? `No papers ${label}, listed in ${years}.` : `No papers ${label}.`;
    return years ? `${papers} ${label}, listed in ${years}.` : `${papers} ${label}.`;
  }
  if (years) return total ? `${papers} listed in ${years} ${total === 1 ? 'matches' : 'match'} ${label}.` : `No papers listed in ${years} match ${label}.`;
  if (!total) return `No papers match ${label}. Try fewer or different words, or remove a filter.`;
  return `${papers} ${total === 1 ? 'matches' : 'match'} ${label}.`;
}

export function resultsView(
  session: SearchSession,
  elements: { summary: HTMLElement; older: HTMLButtonElement; list: HTMLOListElement; more: HTMLButtonElement },
): void {
  const { summary, older, list, more } = elements;
  session.on((event) => {
    switch (event.type) {
      case 'cleared':
        list.replaceChildren();
        summary.textContent = '';
        more.hidden = older.hidden = true;
        return;
      case 'failed':
        summary.textContent = 'The search failed. Please try again later.';
        return;
      case 'results': {
        const { found, total, final, searched, rest, label, term } = event;
        list.replaceChildren(...found.map(resultItem));
        list.setAttribute('aria-busy', String(!final));
        more.hidden = !final || found.length >= total;
        older.hidden = !final || !rest.length;
        older.textContent = `Search ${yearsPhrase(rest)} too`;
        if (!final) summary.textContent = `Papers listed in ${searched.join(', ')} ${term ? 'matching ' : ''}${label}; searching the older years…`;
        else summary.textContent = summaryText(total, label, term, rest.length ? yearsPhrase(searched) : undefined);
        return;
      }
      case 'more': {
        const first = list.children.length;
        list.append(...event.found.map(resultItem));
        more.hidden = event.shown >= event.total;
        // Keyboard users continue from the first new result.
        list.children[first]?.querySelector('a')?.focus();
        return;
      }
    }
  });
  more.addEventListener('click', () => void session.more());
  older.addEventListener('click', () => {
    older.hidden = true;
    // Focus stays in the results: on the summary, which announces the wider search.
    summary.tabIndex = -1;
    summary.focus();
    void session.searchEveryYear();
  });
}
