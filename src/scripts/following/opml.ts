// The OPML of what a reader follows, made in their browser: a subscription per organization and
// topic followed that has feeds of its own, in the feed format pages offer first. Written with the
// browser's own XML serializer, which escapes every name: feedsmith, which writes the site's OPML
// files at build time, would be 42 KB more for the page to fetch for one small file.
import type { Follows } from '../../lib/following/follows.ts';
import { FEED_FORMATS, feedFormats } from '../../lib/feeds/formats.ts';
import { feedPath, topicPath } from '../../lib/paths.ts';

export interface Outline {
  text: string;
  description: string;
  xmlUrl: string;
  htmlUrl: string;
}

/** `siteRoot` is the site's address with its base path: https://you.github.io/broadsheet/. */
export function followedFeeds(follows: Follows, siteRoot: string): { outlines: Outline[]; withoutFeeds: string[] } {
  const format = feedFormats[0]!;
  const url = (path: string) => new URL(path.slice(1), siteRoot).href;
  const outline = (text: string, description: string, home: string): Outline => ({
    text,
    description,
    xmlUrl: url(feedPath(home, format)),
    htmlUrl: url(home),
  });
  const label = FEED_FORMATS[format].label;
  return {
    outlines: [
      ...follows.orgs.filter((org) => org.feeds && org.path).map((org) => outline(org.name, `Papers from ${org.name} (${label}).`, org.path!)),
      ...follows.topics.map((topic) => outline(topic.name, `Papers in ${topic.name} (${label}).`, topicPath(topic.slug))),
    ],
    // Organizations with too few papers have a page but no feed yet.
    withoutFeeds: follows.orgs.filter((org) => !org.feeds || !org.path).map((org) => org.name),
  };
}

/** An OPML 2.0 document of the outlines. */
export function toOpml(outlines: readonly Outline[], title: string): string {
  const doc = document.implementation.createDocument(null, 'opml', null);
  const opml = doc.documentElement;
  opml.setAttribute('version', '2.0');
  const head = doc.createElement('head');
  const titled = doc.createElement('title');
  titled.textContent = title;
  head.append(titled);
  const body = doc.createElement('body');
  for (const { text, description, xmlUrl, htmlUrl } of outlines) {
    const outline = doc.createElement('outline');
    // OPML 2.0: "rss" marks a subscription whatever the feed's format; readers import by it.
    for (const [name, value] of Object.entries({ type: 'rss', text, title: text, description, xmlUrl, htmlUrl })) outline.setAttribute(name, value);
    body.append(outline);
  }
  opml.append(head, body);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`;
}
