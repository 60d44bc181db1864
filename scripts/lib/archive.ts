// The archive as the commands see it: the same day files and topics as the site's build
// (src/lib/site-data.ts), read once through the store.
import { buildArchive, type Archive } from '../../src/lib/archive.ts';
import { topics } from '../../src/topics.config.ts';
import { daysDir, readDays } from './store.ts';

export async function loadArchive(dir: string = daysDir()): Promise<Archive> {
  return buildArchive(await readDays(dir), topics);
}
