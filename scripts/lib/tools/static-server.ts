// A static file server for dist/ on 127.0.0.1, resolving directory URLs to index.html and
// serving 404.html like a static host, with the types a deploy gives each file (deploy/headers.ts),
// so browser tests see what a visitor would.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { contentType } from '../publish/deploy/headers.ts';

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

/** The file a URL path names below `root`, or undefined when it escapes `root` or cannot be decoded. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined; // a bad %-escape names no file
  }
  const file = path.join(root, decoded);
  const relative = path.relative(root, file);
  // A sibling folder (/srv/dist-old for /srv/dist) starts with the same characters but is outside.
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return file;
}

/** Serve `root` at `base` (e.g. '/' or '/archive/'). */
export async function serveStatic(root: string, base = '/', headers: Record<string, string> = {}): Promise<StaticServer> {
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname = url.pathname;
    const send404 = async () => {
      res.writeHead(404, { 'content-type': contentType('404.html'), ...headers });
      createReadStream(path.join(root, '404.html'))
        .on('error', () => res.end('not found'))
        .pipe(res);
    };
    if (!pathname.startsWith(base)) return send404();
    pathname = pathname.slice(base.length - 1);
    let file = resolveInside(root, pathname);
    if (file === undefined) return send404();
    try {
      if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
      await stat(file);
    } catch {
      return send404();
    }
    res.writeHead(200, { 'content-type': contentType(file), ...headers });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
