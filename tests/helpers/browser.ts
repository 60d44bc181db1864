// Headless Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROME_PATH), driven
// by playwright-core. Never a downloaded browser.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROME_PATH);

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    // Without the background-networking flags Chromium reaches for Google's hosts at start.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
    ],
  });
}

export interface Watched {
  page: Page;
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** Requests that failed or answered 4xx/5xx. */
  failed: string[];
  /** Requests to anywhere but 127.0.0.1; they are blocked. */
  offsite: string[];
  /** Bytes received per URL. */
  bytes: Map<string, number>;
}

/** A page that records what a visitor would notice, and blocks any request leaving 127.0.0.1. */
export async function watchedPage(browser: Browser, options: Parameters<Browser['newPage']>[0] = {}): Promise<Watched> {
  const page = await browser.newPage(options);
  const watched: Watched = { page, errors: [], failed: [], offsite: [], bytes: new Map() };
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:') return route.continue();
    watched.offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  page.on('console', (message) => message.type() === 'error' && watched.errors.push(message.text()));
  page.on('pageerror', (error) => watched.errors.push(error.message));
  // A request still in flight when the visitor leaves the page (a favicon, when the header's search
  // box is submitted) is aborted by Chromium: the visitor leaving, not the site failing.
  let navigations = 0;
  const issuedDuring = new WeakMap<Request, number>();
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) navigations += 1;
    issuedDuring.set(request, navigations);
  });
  page.on('requestfailed', (request) => {
    const errorText = request.failure()?.errorText ?? '';
    if (errorText === 'net::ERR_ABORTED' && issuedDuring.get(request) !== navigations) return;
    watched.failed.push(`${request.url()} ${errorText}`);
  });
  page.on('response', async (response) => {
    if (response.status() >= 400) watched.failed.push(`${response.url()} HTTP ${response.status()}`);
    const body = await response.body().catch(() => undefined);
    if (body) watched.bytes.set(response.url(), body.length);
  });
  return watched;
}
