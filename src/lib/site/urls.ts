// The site's own addresses as this build serves them: a root-relative path with the configured
// base (BASE_PATH) for links, and with the site (SITE_URL) for canonical and feed URLs. The pure
// builders, which take the base as an argument, are in src/lib/paths.ts.
import { absoluteUrl, withBase } from '../paths.ts';

/** `/papers/2406.12345/` as a link on this site: `/broadsheet/papers/2406.12345/` under a base path. */
export const sitePath = (path: string): string => withBase(path, import.meta.env.BASE_URL);

/** The absolute URL of a path on this site. */
export const siteUrl = (path: string, site: URL | string): string => absoluteUrl(path, site, import.meta.env.BASE_URL);
