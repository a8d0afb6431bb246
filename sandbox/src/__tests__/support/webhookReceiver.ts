import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ReceivedRequest = {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  raw: Buffer;
};

/**
 * A stand-in for the platform's webhook endpoints: records every request with its raw bytes and
 * answers with the next planned status (200 once the plan is used up). GET answers Meta's
 * verification challenge when the verify token matches.
 */
export const startWebhookReceiver = async (verifyToken = 'c360-sandbox-verify-token') => {
  const received: ReceivedRequest[] = [];
  // Planned answers, each for any POST or only for one whose body holds `marker`.
  const plan: { status: number; marker?: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      received.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        raw: Buffer.concat(chunks),
      });
      if (req.method === 'GET') {
        const ok =
          url.searchParams.get('hub.mode') === 'subscribe' &&
          url.searchParams.get('hub.verify_token') === verifyToken;
        res.writeHead(ok ? 200 : 403).end(ok ? (url.searchParams.get('hub.challenge') ?? '') : 'forbidden');
        return;
      }
      const body = Buffer.concat(chunks).toString();
      const next = plan.findIndex((p) => p.marker === undefined || body.includes(p.marker));
      const status = next < 0 ? 200 : plan.splice(next, 1)[0]!.status;
      res.writeHead(status).end('ok');
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    received,
    posts: (path: string) => received.filter((r) => r.method === 'POST' && r.path === path),
    /** The next answers to POSTs, in order; 200 after the list. */
    answer: (...statuses: number[]) => plan.push(...statuses.map((status) => ({ status }))),
    /**
     * The next answers to the POSTs whose body holds `marker` only, so a late delivery of an
     * earlier test (a status webhook) cannot take them.
     */
    answerTo: (marker: string, ...statuses: number[]) =>
      plan.push(...statuses.map((status) => ({ status, marker }))),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
