// The one table of feed formats: file name, media type and label. Paths, <link rel="alternate">,
// visible feed lists, HTTP content types and the OPML file all read it.

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface FeedFormatInfo {
  /** The file beside its page: /rss.xml, /topics/<slug>/atom.xml. */
  file: string;
  /** The registered media type, for <link type> and Content-Type. */
  mediaType: string;
  /** What a reader calls it. */
  label: string;
}

export const FEED_FORMATS: Readonly<Record<FeedFormat, FeedFormatInfo>> = {
  rss: { file: 'rss.xml', mediaType: 'application/rss+xml', label: 'RSS' },
  atom: { file: 'atom.xml', mediaType: 'application/atom+xml', label: 'Atom' },
  json: { file: 'feed.json', mediaType: 'application/feed+json', label: 'JSON Feed' },
};

/** Every format, in the order pages offer them. */
export const feedFormats = Object.keys(FEED_FORMATS) as FeedFormat[];

export const feedContentType = (format: FeedFormat) => `${FEED_FORMATS[format].mediaType}; charset=utf-8`;
