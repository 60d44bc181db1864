// A real HTTP server on 127.0.0.1 standing in for the hub. Each test says how to answer.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void;

export interface FakeHub {
  endpoint: string;
  /** Every request path+query, in order. */
  requests: string[];
  headers: IncomingMessage['headers'][];
  handle: (handler: Handler) => void;
  close: () => Promise<void>;
}

export async function startHub(): Promise<FakeHub> {
  let handler: Handler = (_req, res) => res.writeHead(404).end();
  const requests: string[] = [];
  const headers: IncomingMessage['headers'][] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    headers.push(req.headers);
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    requests,
    headers,
    handle: (next) => {
      handler = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, body: unknown, status = 200, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...extra }).end(JSON.stringify(body));
}

/** Answer /api/daily_papers from a map of date -> items, paging with `limit` and `p` like the hub. */
export function listingHandler(byDate: Record<string, unknown[]>): Handler {
  return (_req, res, url) => {
    if (url.pathname !== '/api/daily_papers') return void res.writeHead(404).end('not found');
    const date = url.searchParams.get('date') ?? '';
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const page = Number(url.searchParams.get('p') ?? 0);
    const items = byDate[date] ?? [];
    json(res, items.slice(page * limit, (page + 1) * limit));
  };
}
