// The browser tests: headless Chromium (scripts/lib/tools/chromium.ts), and a page that records
// what a visitor would notice.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { describe } from 'vitest';
import { CHROME_PATH, hasChromium, launchChromium } from '../../scripts/lib/tools/chromium.ts';

if (!hasChromium()) {
  // CI installs Chromium: there, a missing browser is a broken setup, never a reason to skip.
  if (process.env.CI === 'true') throw new Error(`CI=true but no Chromium at ${CHROME_PATH}: the browser tests must not be skipped (apt-get install chromium)`);
  console.warn(`[skipped] browser tests: no Chromium at ${CHROME_PATH} (apt-get install chromium, or set CHROME_PATH)`);
}

/** A describe block of browser tests: skipped, and said so, only where Chromium is missing outside CI. */
export const describeBrowser = hasChromium() ? describe : describe.skip;

export const launch = launchChromium;

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

/** One reader: tabs share its storage; requests off 127.0.0.1 are refused and counted, errors kept. */
export async function reader(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; offsite: string[]; errors: string[] }> {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const offsite: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    offsite.push(url.href);
    return route.abort('blockedbyclient');
  });
  context.on('page', (page) => {
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  });
  return { context, offsite, errors };
}

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations of WCAG 2.1 A and AA on the page as it is now, as `rule: targets`.
 * Injected through the DevTools protocol, which the pages' CSP does not apply to.
 */
export async function axeViolations(page: Page, tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (values) => {
    const result = await (
      window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
    ).axe.run({ runOnly: { type: 'tag', values } });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, tags);
}
