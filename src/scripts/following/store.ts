// What the reader follows, kept in this browser (../local-store.ts) beside the reading list, and
// exported and imported with it. Nothing leaves the browser.
import { readFollows, type Follows } from '../../lib/following/follows.ts';
import { localStore, type Origin } from '../local-store.ts';

const following = localStore('broadsheet:following', 'what you follow');

export const loadFollows = (): Follows => readFollows(following.read());
export const storeFollows = (follows: Follows, origin: Origin = 'other'): void => following.write(follows, origin);
export const onFollowsChange = (listener: (follows: Follows) => void): (() => void) => following.onChange(() => listener(loadFollows()));
