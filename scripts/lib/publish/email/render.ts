// The digest of one listed day as an email: a subject, an HTML part that reads well in common
// mail clients (inline styles, fixed colours that hold in light and dark, no scripts, no remote
// images or fonts, formulas as plain text) and a plain-text part with the same papers and links.
import { byUpvotesThenId } from '../../../../src/lib/archive.ts';
import { escapeHtml } from '../../../../src/lib/escape.ts';
import { plainMath } from '../../../../src/lib/math.ts';
import { orgName } from '../../../../src/lib/orgs.ts';
import { absoluteUrl, arxivAbsUrl, feedPath, paperPath } from '../../../../src/lib/paths.ts';
import type { Paper } from '../../../../src/lib/schema.ts';
import { firstAuthors, plural, shortDate, shortSummary } from '../../../../src/lib/text.ts';

/** The digest shows this many papers in full; the rest are on the day's page. */
export const DIGEST_PAPERS = 15;

export interface DigestInput {
  /** The subject and heading: digestSubject(...) for a day, weekSubject(...) for a week. */
  subject: string;
  /** The page of the day or week, root-relative. */
  page: string;
  /** "the day's page", "the week's page". */
  pageLabel: string;
  /** Papers to include (the day's, or only those of EMAIL_TOPICS), any order unless `ranked`. */
  papers: Paper[];
  /** The papers come in their order already (a trending list), not to be ranked by upvotes. */
  ranked?: boolean;
  /** Names of the topics the digest is limited to, for the heading; empty for all. */
  topicNames: string[];
  site: URL;
  base: string;
  siteTitle: string;
}

export interface Digest {
  subject: string;
  html: string;
  text: string;
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "Daily Papers, 21 Aug 2026: 17 papers". */
export function digestSubject(date: string, count: number): string {
  return `Daily Papers, ${shortDate(date)}: ${plural(count, 'paper')}`;
}

/** "Weekly Papers, 2026-W34: the top 10 papers". */
export function weekSubject(week: string, count: number): string {
  return `Weekly Papers, ${week}: the top ${plural(count, 'paper')}`;
}

/** "Trending on Hugging Face, 1 Dec 2026: 50 papers". */
export function trendingSubject(date: string, count: number): string {
  return `Trending on Hugging Face, ${shortDate(date)}: ${plural(count, 'paper')}`;
}

/** What both parts of a digest say: its papers, ranked, and the links around them. */
interface DigestModel {
  subject: string;
  /** " in Robotics, Agents" when limited to topics, else empty. */
  scope: string;
  items: { rank: number; title: string; by: string; upvotes: number; summary: string; links: readonly (readonly [label: string, href: string])[] }[];
  /** Papers past the shown ones, on the page. */
  rest: number;
  pageUrl: string;
  pageLabel: string;
  feeds: { rss: string; digest: string };
  siteTitle: string;
}

function digestModel(input: DigestInput): DigestModel {
  const url = (path: string) => absoluteUrl(path, input.site, input.base);
  // A day's or week's papers by upvotes; a trending list as the hub ranked it.
  const ranked = input.ranked ? [...input.papers] : [...input.papers].sort(byUpvotesThenId((paper) => [paper.upvotes, paper.id]));
  const shown = ranked.slice(0, DIGEST_PAPERS);
  const items = shown.map((paper, index) => {
    const by = paper.organization ? orgName(paper.organization) : firstAuthors(paper.authors);
    const links = [
      ['Read', url(paperPath(paper.id))] as const,
      ['arXiv', arxivAbsUrl(paper.id)] as const,
      ...(paper.githubRepo ? [['Code', paper.githubRepo] as const] : []),
    ];
    return {
      rank: index + 1,
      title: oneLine(plainMath(paper.title)),
      by: oneLine(by),
      upvotes: paper.upvotes,
      summary: oneLine(plainMath(shortSummary(paper, 300))),
      links,
    };
  });
  return {
    subject: input.subject,
    scope: input.topicNames.length ? ` in ${input.topicNames.join(', ')}` : '',
    items,
    rest: ranked.length - shown.length,
    pageUrl: url(input.page),
    pageLabel: input.pageLabel,
    feeds: { rss: url(feedPath('/', 'rss')), digest: url(feedPath('/digest/', 'rss')) },
    siteTitle: input.siteTitle,
  };
}

const capitalised = (text: string) => text[0]!.toUpperCase() + text.slice(1);

function digestText(m: DigestModel): string {
  return [
    `${m.subject}${m.scope}`,
    '',
    ...m.items.flatMap((item) => [
      `${item.rank}. ${item.title}`,
      `   ${item.by} · ▲ ${item.upvotes}`,
      `   ${item.summary}`,
      ...item.links.map(([label, href]) => `   ${label}: ${href}`),
      '',
    ]),
    ...(m.rest > 0 ? [`And ${plural(m.rest, 'more paper')} on ${m.pageLabel}.`, ''] : []),
    `${capitalised(m.pageLabel)}: ${m.pageUrl}`,
    `Feeds: ${m.feeds.rss} (every paper), ${m.feeds.digest} (one item a day)`,
    '',
    `${m.siteTitle}: an archive of the Hugging Face Daily Papers. Summaries are Hugging Face's; papers are their authors'.`,
  ].join('\n');
}

/**
 * Colours are set on every block, background and text together, so a client that darkens the
 * page still shows dark-on-light cards instead of dark text on a dark background.
 */
function digestHtml(m: DigestModel): string {
  const e = escapeHtml;
  const a = (href: string, label: string, style = 'color:#1d4ed8;text-decoration:underline') => `<a href="${e(href)}" style="${style}">${e(label)}</a>`;
  const card = (item: DigestModel['items'][number]) =>
    `<tr><td style="padding:14px 18px;border-top:1px solid #e2ded5;background:#ffffff;color:#1c1c1a">` +
    `<div style="font-size:17px;line-height:1.35;font-weight:bold;margin:0 0 4px">${item.rank}. ${a(item.links[0]![1], item.title, 'color:#1c1c1a;text-decoration:none')}</div>` +
    `<div style="font-size:13px;color:#5d5b55;margin:0 0 6px">${e(item.by)} · ▲ ${item.upvotes}</div>` +
    `<div style="font-size:14px;line-height:1.5;margin:0 0 6px">${e(item.summary)}</div>` +
    `<div style="font-size:13px">${item.links.map(([label, href]) => a(href, label)).join(' · ')}</div>` +
    `</td></tr>`;
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `<meta name="color-scheme" content="light only"><title>${e(m.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f1eee7;color:#1c1c1a;font-family:Georgia,'Times New Roman',serif">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1eee7"><tr><td align="center" style="padding:16px 8px">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="max-width:640px;background:#ffffff;color:#1c1c1a;border:1px solid #e2ded5">` +
    `<tr><td style="padding:18px;background:#ffffff;color:#1c1c1a"><div style="font-size:13px;color:#9a3412;letter-spacing:.05em;text-transform:uppercase">${e(m.siteTitle)}</div>` +
    `<h1 style="font-size:22px;margin:4px 0 0;color:#1c1c1a">${e(m.subject)}${e(m.scope)}</h1></td></tr>` +
    m.items.map(card).join('') +
    `<tr><td style="padding:14px 18px;border-top:1px solid #e2ded5;background:#ffffff;color:#1c1c1a;font-size:14px">` +
    (m.rest > 0
      ? `<p style="margin:0 0 8px">And ${e(plural(m.rest, 'more paper'))} on ${a(m.pageUrl, m.pageLabel)}.</p>`
      : `<p style="margin:0 0 8px">${a(m.pageUrl, capitalised(m.pageLabel))}</p>`) +
    `<p style="margin:0">Feeds: ${a(m.feeds.rss, 'every paper (RSS)')} · ${a(m.feeds.digest, 'one item a day (RSS)')}</p></td></tr>` +
    `<tr><td style="padding:12px 18px;background:#f1eee7;color:#5d5b55;font-size:12px">${e(m.siteTitle)}: an archive of the Hugging Face Daily Papers. Summaries are Hugging Face's; papers are their authors'.</td></tr>` +
    `</table></td></tr></table></body></html>`
  );
}

export function renderDigest(input: DigestInput): Digest {
  const model = digestModel(input);
  return { subject: model.subject, html: digestHtml(model), text: digestText(model) };
}
