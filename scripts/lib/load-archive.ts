// The archive as the commands see it: the same day files, links and topics as the site's build
// (src/lib/site/data.ts), read once through the store.
import { buildArchive, type Archive } from '../../src/lib/archive.ts';
import { topics } from '../../src/topics.config.ts';
import { linksDir, linksFiles } from './capture/links/store.ts';
import { dayFiles, daysDir } from './capture/days/store.ts';

/** The day files and the links of a checkout (or of DAYS_DIR and LINKS_DIR), as one archive. */
export async function loadArchive(dir: string = daysDir(), links: string = linksDir()): Promise<Archive> {
  return buildArchive(await dayFiles.readAll(dir), topics, await linksFiles.readAll(links));
}
