// The browser tests' watcher must report what a visitor would notice (a stylesheet that fails)
// and nothing they would not: a favicon still loading when they submit the header's search box is
// aborted by Chromium as they leave. That abort once turned a CI run red.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, watchedPage, describeBrowser } from '../helpers/browser.ts';

describeBrowser('the browser tests’ watcher', () => {
  let browser: Browser;
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      // A favicon slow enough to be in flight when the form is submitted.
      if (request.url === '/favicon.svg') return void setTimeout(() => response.end('<svg xmlns="http://www.w3.org/2000/svg"/>'), 3000);
      if (request.url === '/broken.css') return void request.socket.destroy();
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(
        '<!doctype html><title>t</title><link rel=icon href=/favicon.svg><link rel=stylesheet href=/broken.css><form action=/next><input id=q name=q></form>',
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launch();
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    server?.close();
  });

  it('reports a request that fails, but not one aborted because the visitor left the page', async () => {
    const w = await watchedPage(browser);
    await w.page.goto(`${origin}/`, { waitUntil: 'domcontentloaded' });
    await w.page.fill('#q', 'x');
    await w.page.press('#q', 'Enter');
    await w.page.waitForURL('**/next?q=x');
    await w.page.waitForLoadState('load');
    expect(w.failed.some((failure) => failure.startsWith(`${origin}/broken.css `))).toBe(true);
    expect(w.failed.filter((failure) => failure.includes('favicon'))).toEqual([]);
  });
});
