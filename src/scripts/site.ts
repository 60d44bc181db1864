// The script every page loads: the reading list's save controls (saved/button.ts). Where a page
// has them, it loads the follow controls (an organization's, a topic's or a paper's authors), and
// the two pages kept in this browser: /saved/ and /following/.
import { startButtons } from './saved/button.ts';

startButtons();
if (document.querySelector('[data-follow],meta[name=citation_author]'))
  void import('./following/controls.ts').then((controls) => controls.startFollowControls());
if (document.getElementById('saved-app')) void import('./saved/page.ts').then((page) => page.start());
if (document.getElementById('following-app')) void import('./following/page.ts').then((page) => page.start());
