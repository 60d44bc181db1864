// Astro's incremental build (astro.config.mjs) copies a page from the last build instead of
// rendering it when its route's code and config are unchanged (Astro hashes those itself) and
// the key its getStaticPaths gave is the same. The key here is a hash of the page's props, so a
// keyed page must render from its props alone: anything else it read would go stale unseen.
// SITE_NOTICE, which the layout reads from the environment, is part of every key.
import { createHash } from 'node:crypto';

/** A key that changes whenever the props (plain data: Maps and Sets count by their entries) do. */
export function cacheKey(props: unknown): string {
  const json = JSON.stringify([process.env.SITE_NOTICE ?? '', props], (_key, value: unknown) =>
    value instanceof Map || value instanceof Set ? [...value] : value,
  );
  return createHash('sha256').update(json).digest('base64url');
}
