// The reading list on every page: a save control beside each paper (saved/button.ts), kept in this
// browser (saved/store.ts). /saved/ loads its own page script, there only.
import { startButtons } from './saved/button.ts';

startButtons();
if (document.getElementById('saved-app')) void import('./saved/page.ts').then((page) => page.start());
