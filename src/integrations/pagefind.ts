// Index the built site with Pagefind's Node API at astro:build:done, so `npm run build` alone
// always leaves a complete dist/ with its search index. Only paper pages carry
// data-pagefind-body, so days, topics and the archive add no duplicate results.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function pagefind(): AstroIntegration {
  return {
    name: 'broadsheet:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const { createIndex, close } = await import('pagefind');
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await createIndex({ forceLanguage: 'en' });
          if (!index || errors.length) throw new Error(`could not create the index: ${errors.join('; ')}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`could not index ${site}: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: path.join(site, 'pagefind') });
          if (written.errors.length) throw new Error(`could not write the index: ${written.errors.join('; ')}`);
          logger.info(`read ${added.page_count} HTML files; wrote the index in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        } catch (cause) {
          throw new Error(`Pagefind: ${(cause as Error).message}`, { cause });
        } finally {
          await close();
        }
      },
    },
  };
}
