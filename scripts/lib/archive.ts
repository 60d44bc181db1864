// The archive as the commands see it: the same day files, links and topics as the site's build
// (src/lib/site-data.ts), read once through the store.
import { buildArchive, type Archive } from '../../src/lib/archive.ts';
import { topics } from '../../src/topics.config.ts';
import { linksDir, readLinksDay } from './links/store.ts';
import { daysDir, listDays, readDays } from './store.ts';

/** The day files and the links of a checkout (or of DAYS_DIR and LINKS_DIR), as one archive. */
export async function loadArchive(dir: string = daysDir(), links: string = linksDir()): Promise<Archive> {
  const linksDays = await Promise.all((await listDays(links)).map(async (date) => (await readLinksDay(links, date))!));
  return buildArchive(await readDays(dir), topics, linksDays);
}
